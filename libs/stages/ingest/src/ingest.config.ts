import { z } from 'zod';

export const ingestConfigSchema = z.object({
  /** How long the aggregator waits for a report's sessions before it finalizes with what it has. */
  REPORT_DEADLINE_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Sessions of one batch loaded and normalized at once. */
  INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
});
export type IngestConfig = z.output<typeof ingestConfigSchema>;
export const INGEST_CONFIG = Symbol('INGEST_CONFIG');
