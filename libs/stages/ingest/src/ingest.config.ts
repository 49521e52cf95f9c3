import { DEFAULT_PAYLOAD_LIMITS } from '@sift/sessions';
import { z } from 'zod';

const list = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const ingestConfigSchema = z.object({
  /** How long the aggregator waits for a report's sessions before it finalizes with what it has. */
  REPORT_DEADLINE_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Sessions loaded and normalized at once by this ingest replica, over all batches it works on. */
  INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** Attempts to load a session whose source fails transiently before the session counts as failed. */
  INGEST_SESSION_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  /** `file://` payloads are read only below this folder (the CLI sets it to the batch folder); unset: refused. */
  PAYLOAD_FILE_ROOT: z.string().min(1).optional(),
  /** Hosts `http(s)://` payloads may come from (`*.example.com` allowed); empty: http(s) refused. */
  PAYLOAD_HTTP_ALLOWED_HOSTS: list.default([]),
  /** Let allowed hosts resolve to loopback, private or link-local addresses (trusted networks only). */
  PAYLOAD_HTTP_ALLOW_PRIVATE: flag.default(false),
  PAYLOAD_HTTP_TIMEOUT_MS: z.coerce.number().int().positive().default(DEFAULT_PAYLOAD_LIMITS.httpTimeoutMs),
  /** Largest payload read from any source, in bytes. */
  PAYLOAD_MAX_BYTES: z.coerce.number().int().positive().default(DEFAULT_PAYLOAD_LIMITS.maxPayloadBytes),
  /** Largest size a gzipped payload may decompress to, in bytes. */
  PAYLOAD_MAX_DECOMPRESSED_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(DEFAULT_PAYLOAD_LIMITS.maxDecompressedBytes),
});
export type IngestConfig = z.output<typeof ingestConfigSchema>;
export const INGEST_CONFIG = Symbol('INGEST_CONFIG');
