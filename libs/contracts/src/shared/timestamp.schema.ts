import { z } from 'zod';

/** An ISO-8601 instant with `Z` or an offset, e.g. `2024-06-01T10:00:00.000Z`. Every Sift-written time uses it. */
export const isoTimestampSchema = z.iso.datetime({
  offset: true,
  error: 'must be an ISO-8601 date-time with Z or an offset, e.g. 2024-06-01T10:00:00.000Z',
});
export type IsoTimestamp = z.output<typeof isoTimestampSchema>;

/**
 * Lenient variant for user-provided analytics events: also accepts a date-time without offset
 * (ingest reads it as UTC).
 */
export const inputTimestampSchema = z.iso.datetime({
  offset: true,
  local: true,
  error: 'must be an ISO-8601 date-time, e.g. 2024-06-01T10:00:00.000Z',
});
