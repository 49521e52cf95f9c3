import { z } from 'zod';
import { eventIdSchema } from '../shared/ids.schema';
import { isoTimestampSchema } from '../shared/timestamp.schema';
import { clipValidationSchema, summaryClipSchema } from './clip-validation.schema';
import { exceptionImpactSchema } from './flags.schema';

/** One key action: a source event the summarizer found significant, with its flags. */
export const keyActionEventSchema = z.strictObject({
  /** The source event's `uuid`; must exist in the session (invented ids are dropped). */
  eventId: eventIdSchema,
  timestamp: isoTimestampSchema,
  description: z.string().min(1),
  /** `null` when the action involved no exception. Updated by video validation. */
  exception: exceptionImpactSchema.nullable(),
  /** The user looked confused (rage/dead clicks, back-and-forth, long hesitation). */
  confusion: z.boolean(),
  /** The user gave up on what they were doing here. */
  abandonment: z.boolean(),
  /** Time since the session's first event (the reference system's `milliseconds_since_start`). */
  msSinceStart: z.number().nonnegative().optional(),
  windowId: z.string().optional(),
  currentUrl: z.string().optional(),
  /**
   * What gave the moment away, machine-readable: `exception`, `rage-click`, `dead-click`, ... Patterns
   * group by it (with the page and the target), so the same problem seen twice lands in one pattern.
   */
  signal: z.string().min(1).max(64).optional(),
  /** The element involved, as a person would name it, e.g. `button "Pay now"`. */
  target: z.string().min(1).max(200).optional(),
  /** The source event name, e.g. `$autocapture`. */
  event: z.string().optional(),
  /** The source `$event_type`, e.g. `click`. */
  eventType: z.string().optional(),
  /** Present once the moment went through video validation. */
  validation: clipValidationSchema.optional(),
  clip: summaryClipSchema.optional(),
});
export type KeyActionEvent = z.output<typeof keyActionEventSchema>;

/** The key actions of one segment. */
export const keyActionGroupSchema = z.strictObject({
  segmentIndex: z.int().nonnegative(),
  events: z.array(keyActionEventSchema),
});
export type KeyActionGroup = z.output<typeof keyActionGroupSchema>;
