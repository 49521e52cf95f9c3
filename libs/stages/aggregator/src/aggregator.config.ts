import { z } from 'zod';

const ratio = z.coerce.number().min(0).max(1);

/** The aggregator's settings: how often deadlines are checked, the failure thresholds, the inline limit. */
export const aggregatorConfigSchema = z.object({
  /** How often reports past their deadline are swept and finalized with what they have. */
  REPORT_DEADLINE_SWEEP_MS: z.coerce.number().int().positive().default(1000),
  /** Share of analyzable (not skipped) sessions that must be summarized for a report to go on. */
  SESSION_SUCCESS_THRESHOLD: ratio.default(0.5),
  /** Share of a pattern stage's chunks that must succeed for the report to complete. */
  PATTERN_CHUNK_SUCCESS_THRESHOLD: ratio.default(0.75),
  /** How long pattern extraction may take before the report is finalized with the chunks that answered. */
  PATTERN_STAGE_TIMEOUT_MS: z.coerce.number().int().positive().default(600_000),
  /** Reports whose JSON is larger than this travel on `sift.reports.v1` by reference. */
  REPORT_INLINE_MAX_BYTES: z.coerce.number().int().positive().default(262_144),
});
export type AggregatorConfig = z.output<typeof aggregatorConfigSchema>;

/** Injection token of the parsed {@link AggregatorConfig}. */
export const AGGREGATOR_CONFIG = Symbol('AGGREGATOR_CONFIG');
