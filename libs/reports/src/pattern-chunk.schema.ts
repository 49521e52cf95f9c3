import { patternSchema, sessionIdSchema, storeRefSchema } from '@sift/contracts';
import { z } from 'zod';

/** What the aggregator stores at a pattern job's `inputRef`: the summaries one chunk works on. */
export const patternChunkInputSchema = z.strictObject({
  summaries: z.array(z.strictObject({ sessionId: sessionIdSchema, summaryRef: storeRefSchema })),
  /** All summarized sessions of the report, the denominator of `sessionsAffectedRatio`. */
  summarizedSessions: z.int().nonnegative(),
});
export type PatternChunkInput = z.output<typeof patternChunkInputSchema>;

/** What the pattern extractor stores at a pattern result's `outputRef`. */
export const patternChunkOutputSchema = z.strictObject({ patterns: z.array(patternSchema) });
export type PatternChunkOutput = z.output<typeof patternChunkOutputSchema>;
