import { z } from 'zod';

const ratio = z.coerce.number().min(0).max(1);
// Upper bounds keep every wait well inside the report state's TTL (the longest deadline plus two days).
const HOUR_MS = 3_600_000;

/** The aggregator's settings: deadlines and how they are swept, the failure thresholds, the inline limit. */
export const aggregatorConfigSchema = z.object({
  /** How often phases past their deadline are swept and closed with what they have. */
  REPORT_DEADLINE_SWEEP_MS: z.coerce.number().int().positive().default(1000),
  /**
   * How long one replica owns a report transition (closing a phase, finalizing) before another may take
   * it over; renewed while the work runs, so it only matters when a replica dies mid-way.
   */
  TRANSITION_LEASE_MS: z.coerce.number().int().min(100).default(30_000),
  /**
   * How long a deadline waits past its time for results already on the topic when the aggregator lags
   * behind; after that the phase closes with what is in.
   */
  DEADLINE_BACKLOG_GRACE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(6 * HOUR_MS)
    .default(600_000),
  /** Share of analyzable (not skipped) sessions that must be summarized for a report to go on. */
  SESSION_SUCCESS_THRESHOLD: ratio.default(0.5),
  /** Share of a pattern stage's chunks that must succeed for the report to complete. */
  PATTERN_CHUNK_SUCCESS_THRESHOLD: ratio.default(0.75),
  /** How long pattern extraction may take before the report is finalized with the chunks that answered. */
  PATTERN_STAGE_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .positive()
    .max(24 * HOUR_MS)
    .default(600_000),
  /** Reports whose JSON is larger than this travel on `sift.reports.v1` by reference. */
  REPORT_INLINE_MAX_BYTES: z.coerce.number().int().positive().default(262_144),
});
export type AggregatorConfig = z.output<typeof aggregatorConfigSchema>;

/** Injection token of the parsed {@link AggregatorConfig}. */
export const AGGREGATOR_CONFIG = Symbol('AGGREGATOR_CONFIG');
