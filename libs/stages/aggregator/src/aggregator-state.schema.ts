import { chunkIdSchema, patternStageSchema, storeRefSchema, usageSchema } from '@sift/contracts';
import { z } from 'zod';

/** What the aggregator keeps of a session's final result (`reportKeys.sessionOutcome`). */
export const sessionOutcomeSchema = z.strictObject({
  status: z.enum(['succeeded', 'failed', 'skipped']),
  summaryRef: storeRefSchema.optional(),
  reason: z.string().min(1).optional(),
  usage: usageSchema.optional(),
  durationMs: z.number().nonnegative().optional(),
});
export type SessionOutcome = z.output<typeof sessionOutcomeSchema>;
export type SessionOutcomeStatus = SessionOutcome['status'];

/** The chunks of one pattern stage, in job order (`reportKeys.patternPlan`). */
export const patternPlanSchema = z.strictObject({
  stage: patternStageSchema,
  chunks: z.array(z.strictObject({ chunkId: chunkIdSchema, inputRef: storeRefSchema })).min(1),
});
export type PatternPlan = z.output<typeof patternPlanSchema>;

/** Counts of one phase so far: units finished, and how many of them succeeded or failed (skipped included). */
export interface PhaseCounts {
  readonly done: number;
  readonly succeeded: number;
  readonly failed: number;
}

/** The once-per-report transitions (members of `reportKeys.transitions`). */
export type ReportTransition = 'sessions-closed' | 'patterns-closed' | 'finalized';

/** One requested session with its final outcome. */
export interface SessionRecord {
  readonly sessionId: string;
  readonly outcome: SessionOutcome;
}
