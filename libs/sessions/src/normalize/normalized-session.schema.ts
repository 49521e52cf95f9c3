import { z } from 'zod';
import {
  contentHashSchema,
  sessionEventsSchema,
  sessionIdSchema,
  sessionRecordingSchema,
} from '@sift/contracts';

/**
 * One session after ingest normalized it: what is stored (gzip) for the summarizer and the video
 * renderer. Validate with this schema when reading it back from the store.
 */
export const normalizedSessionSchema = z.object({
  sessionId: sessionIdSchema,
  /** Sorted by timestamp; exact duplicates removed; every event has a unique `uuid`; timestamps canonical ISO UTC. */
  events: sessionEventsSchema,
  /** rrweb events sorted by timestamp; absent when there was none or it could not be replayed (no full snapshot). */
  recording: sessionRecordingSchema.optional(),
  /** Earliest timestamp over events and recording, epoch ms. */
  startMs: z.number().nonnegative(),
  /** Latest timestamp over events and recording, epoch ms. */
  endMs: z.number().nonnegative(),
  durationMs: z.number().nonnegative(),
  /** True when the session had no analytics events and `events` were derived from the recording. */
  eventsDerivedFromRecording: z.boolean(),
  /** Analytics events that were invalid and left out. */
  droppedEvents: z.int().nonnegative(),
  /** Exact duplicate analytics events that were removed. */
  duplicateEvents: z.int().nonnegative(),
  /** Recording events that were invalid and left out. */
  droppedRecordingEvents: z.int().nonnegative(),
  /** What normalization changed or left out that a user may want to know. */
  warnings: z.array(z.string()),
  /** SHA-256 of the canonical JSON of events and recording; with model and prompt version it keys the summary cache. */
  contentHash: contentHashSchema,
});
export type NormalizedSession = z.output<typeof normalizedSessionSchema>;

/** Input of `normalizeSession`: raw payloads as `resolvePayload` returns them. */
export interface NormalizeSessionInput {
  sessionId: string;
  events?: unknown;
  recording?: unknown;
}

/** A normalized session, or the human-readable reason the session is skipped. */
export type NormalizeResult = { ok: true; session: NormalizedSession } | { ok: false; reason: string };
