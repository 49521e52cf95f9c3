import { z } from 'zod';
import { eventIdSchema } from '../shared/ids.schema';

const count = z.int().nonnegative();
const percentage = z.number().min(0).max(100);

/** Computed facts about a segment (not written by the model). */
export const segmentMetaSchema = z.strictObject({
  durationMs: z.number().nonnegative(),
  /** Share of the session's duration, 0..100. */
  durationPercentage: percentage.optional(),
  eventsCount: count,
  /** Share of the session's events, 0..100. */
  eventsPercentage: percentage.optional(),
  keyActionsCount: count,
  exceptionCount: count.optional(),
  confusionCount: count.optional(),
  abandonmentCount: count.optional(),
});
export type SegmentMeta = z.output<typeof segmentMetaSchema>;

/** A contiguous part of the session with one purpose, e.g. "Checkout: entering card details". */
export const segmentSchema = z.strictObject({
  index: z.int().nonnegative(),
  name: z.string().min(1),
  startEventId: eventIdSchema,
  endEventId: eventIdSchema,
  meta: segmentMetaSchema.optional(),
});
export type Segment = z.output<typeof segmentSchema>;

/** Whether the user achieved what they were doing in a segment. */
export const segmentOutcomeSchema = z.strictObject({
  segmentIndex: z.int().nonnegative(),
  summary: z.string().min(1),
  success: z.boolean(),
});
export type SegmentOutcome = z.output<typeof segmentOutcomeSchema>;

/** Whether the session as a whole went well for the user. */
export const sessionOutcomeSchema = z.strictObject({
  description: z.string().min(1),
  success: z.boolean(),
});
export type SessionOutcome = z.output<typeof sessionOutcomeSchema>;
