import { chunkIdSchema, patternStageSchema, storeRefSchema, usageSchema } from '@sift/contracts';
import { z } from 'zod';

/** What the sessions ledger keeps of a session's final result. */
export const sessionOutcomeSchema = z.strictObject({
  status: z.enum(['succeeded', 'failed', 'skipped']),
  summaryRef: storeRefSchema.optional(),
  reason: z.string().min(1).optional(),
  usage: usageSchema.optional(),
  durationMs: z.number().nonnegative().optional(),
});
export type SessionOutcome = z.output<typeof sessionOutcomeSchema>;

/** The chunks of one pattern stage, in job order (`reportKeys.patternPlan`). */
export const patternPlanSchema = z.strictObject({
  stage: patternStageSchema,
  chunks: z.array(z.strictObject({ chunkId: chunkIdSchema, inputRef: storeRefSchema })).min(1),
});
export type PatternPlan = z.output<typeof patternPlanSchema>;

/** The transitions that happen once per report, each owned by one replica at a time (see README.md). */
export type ReportTransition = 'sessions-closed' | 'extract-closed' | 'finalized';

/** One requested session with its final outcome. */
export interface SessionRecord {
  readonly sessionId: string;
  readonly outcome: SessionOutcome;
}
