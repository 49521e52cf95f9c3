import { z } from 'zod';

const count = z.int().nonnegative();

/** Model and rendering usage of one pipeline stage. */
export const stageUsageSchema = z.strictObject({
  llmCalls: count,
  inputTokens: count,
  outputTokens: count,
  clipsRendered: count,
  /** Estimated spend in US dollars; absent when the provider has no price (e.g. offline, self-hosted). */
  costUsd: z.number().nonnegative().optional(),
});
export type StageUsage = z.output<typeof stageUsageSchema>;

/**
 * What a session, a chunk or a whole report cost. `byStage` breaks the totals down by stage name
 * (e.g. `summarize`, `validate`, `extract`); the totals are the sums over stages.
 */
export const usageSchema = stageUsageSchema.extend({
  byStage: z.record(z.string().min(1), stageUsageSchema),
});
export type Usage = z.output<typeof usageSchema>;
