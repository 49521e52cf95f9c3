import { z } from 'zod';
import { productSchema, questionSchema } from '../input/batch-manifest.schema';
import { contentHashSchema, reportIdSchema, sessionIdSchema } from '../shared/ids.schema';
import { storeRefSchema } from '../shared/store-ref.schema';
import { defineTopic } from '../topics/topic-descriptor';

/** One session to summarize; ingest has normalized and stored its payloads. */
export const sessionJobSchema = z.strictObject({
  reportId: reportIdSchema,
  sessionId: sessionIdSchema,
  /** Store key of the normalized, gzipped analytics events (derived from the recording if there were none). */
  eventsRef: storeRefSchema,
  /** Store key of the gzipped rrweb recording; absent when the session has none. */
  recordingRef: storeRefSchema.optional(),
  /** Hash of the normalized events and recording: the summary cache key with model and prompt version. */
  contentHash: contentHashSchema,
  question: questionSchema.optional(),
  product: productSchema.optional(),
});
export type SessionJob = z.output<typeof sessionJobSchema>;
export type SessionJobInput = z.input<typeof sessionJobSchema>;

/** Keyed by session so summarizer replicas share the load by partition. */
export const sessionJobsTopic = defineTopic({
  topic: 'sift.session-jobs.v1',
  key: sessionIdSchema,
  value: sessionJobSchema,
  keyedBy: 'sessionId',
  keyOf: (job) => job.sessionId,
});
