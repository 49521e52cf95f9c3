import { z } from 'zod';
import { reportIdSchema, sessionIdSchema } from '../shared/ids.schema';
import { MAX_REPORT_DEADLINE_SECONDS, MAX_SESSIONS_PER_BATCH } from '../shared/limits.constants';
import { uriSchema } from '../shared/uri.schema';

/** Free text a user attaches to a batch: what they want to learn from it. */
export const questionSchema = z.string().trim().min(1).max(2000);
/** The product the sessions come from, used as context in prompts and the report title. */
export const productSchema = z.string().trim().min(1).max(200);

/**
 * A session payload: inline (a JSON array) or by reference (a uri). Inline items are validated per
 * session by ingest (`sessionEventsSchema` / `sessionRecordingSchema`), not here: a malformed session is
 * skipped with a reason, while only a malformed manifest rejects the whole batch.
 */
const payloadSchema = z.union([z.array(z.unknown()), uriSchema], {
  error: 'must be an inline JSON array or a file://, http(s):// or redis:// uri',
});

/** One session of a batch manifest. */
export const batchSessionSchema = z
  .strictObject({
    sessionId: sessionIdSchema,
    /** PostHog-style events: inline array or uri of a JSON array / JSONL file. */
    events: payloadSchema,
    /** rrweb events (or a PostHog API recording shape): inline array or uri. */
    recording: payloadSchema.optional(),
  })
  .refine(
    (session) => !(Array.isArray(session.events) && session.events.length === 0 && !session.recording),
    {
      error: 'a session needs events or a recording: events is empty and there is no recording',
      path: ['events'],
    },
  );
export type BatchSession = z.output<typeof batchSessionSchema>;

/** The value on `sift.batches.v1`: a small manifest; large payloads travel by uri (DESIGN §2). */
export const batchManifestSchema = z
  .strictObject({
    reportId: reportIdSchema,
    question: questionSchema.optional(),
    product: productSchema.optional(),
    /** Finish the report with whatever sessions are in after this many seconds (aggregator deadline). */
    deadlineSeconds: z.int().positive().max(MAX_REPORT_DEADLINE_SECONDS).optional(),
    sessions: z
      .array(batchSessionSchema)
      .min(1, { error: 'a batch needs at least one session' })
      .max(MAX_SESSIONS_PER_BATCH, { error: `a batch may list at most ${MAX_SESSIONS_PER_BATCH} sessions` }),
  })
  .superRefine((manifest, ctx) => {
    const firstIndex = new Map<string, number>();
    manifest.sessions.forEach((session, index) => {
      const first = firstIndex.get(session.sessionId);
      if (first === undefined) {
        firstIndex.set(session.sessionId, index);
        return;
      }
      ctx.addIssue({
        code: 'custom',
        message: `duplicate sessionId "${session.sessionId}": sessions[${index}] repeats sessions[${first}]`,
        path: ['sessions', index, 'sessionId'],
      });
    });
  });
export type BatchManifest = z.output<typeof batchManifestSchema>;
export type BatchManifestInput = z.input<typeof batchManifestSchema>;
