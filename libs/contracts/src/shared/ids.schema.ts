import { z } from 'zod';

const SAFE_ID_PATTERN = /^[A-Za-z0-9._:-]+$/;
const SAFE_ID_MAX_LENGTH = 128;

/** Builds a schema for an id that is safe in topic keys, store keys, file names and URLs. */
function safeId(what: string) {
  return z
    .string()
    .min(1, { error: `${what} must not be empty` })
    .max(SAFE_ID_MAX_LENGTH, { error: `${what} must be at most ${SAFE_ID_MAX_LENGTH} characters` })
    .regex(SAFE_ID_PATTERN, { error: `${what} may only contain A-Z a-z 0-9 . _ : -` });
}

/** Identifies one report (one batch run) end to end: topic keys, store keys, output folder names. */
export const reportIdSchema = safeId('reportId');
export type ReportId = z.output<typeof reportIdSchema>;

/** Identifies one recorded session; unique within a batch. PostHog's `$session_id` fits as is. */
export const sessionIdSchema = safeId('sessionId');
export type SessionId = z.output<typeof sessionIdSchema>;

/** Identifies one pattern-extraction work unit within a report and stage. */
export const chunkIdSchema = safeId('chunkId');
export type ChunkId = z.output<typeof chunkIdSchema>;

/** Identifies a pattern within a report. */
export const patternIdSchema = safeId('patternId');
export type PatternId = z.output<typeof patternIdSchema>;

/**
 * The id of a source analytics event (its `uuid`). Comes from user data, so only length is checked;
 * summaries and moments must reference ids that exist in the session (never invented ones).
 */
export const eventIdSchema = z
  .string()
  .min(1, { error: 'eventId must not be empty' })
  .max(256, { error: 'eventId must be at most 256 characters' });
export type EventId = z.output<typeof eventIdSchema>;

/** Lower-case hex SHA-256 of a session's normalized content; with model and prompt version it keys the summary cache. */
export const contentHashSchema = z
  .string()
  .regex(/^[a-f0-9]{64}$/, { error: 'contentHash must be a lower-case hex SHA-256 digest (64 chars)' });
export type ContentHash = z.output<typeof contentHashSchema>;
