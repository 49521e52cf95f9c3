import { comparePatterns, Pattern } from '@sift/contracts';
import { PatternChunkInput, PatternChunkOutput } from '@sift/reports';

/** A summarized session as pattern extraction reads it. */
export interface SummarizedSession {
  readonly sessionId: string;
  readonly summaryRef: string;
}

/**
 * Splits the summarized sessions into extract chunks. One chunk for now; sizing chunks by the model's
 * token budget belongs here, and everything downstream already works from the stored plan.
 */
export function chunkSummaries(summaries: readonly SummarizedSession[]): PatternChunkInput[] {
  return [{ summaries: [...summaries], summarizedSessions: summaries.length }];
}

/** The chunks' patterns in report order; a pattern id seen in an earlier chunk wins. */
export function mergeChunkPatterns(outputs: readonly PatternChunkOutput[]): Pattern[] {
  const byId = new Map<string, Pattern>();
  for (const pattern of outputs.flatMap((output) => output.patterns)) {
    if (!byId.has(pattern.id)) byId.set(pattern.id, pattern);
  }
  return [...byId.values()].sort(comparePatterns);
}
