import { z } from 'zod';
import { reportIdSchema, sessionIdSchema } from '../shared/ids.schema';
import { storeRefSchema } from '../shared/store-ref.schema';
import { usageSchema } from '../shared/usage.schema';
import { defineTopic } from '../topics/topic-descriptor';

const common = {
  reportId: reportIdSchema,
  sessionId: sessionIdSchema,
  /** What this session cost so far (model calls, tokens, clips). */
  usage: usageSchema.optional(),
  /** Time spent on the session across summarizer, renderer and validator. */
  durationMs: z.number().nonnegative().optional(),
};
const reason = z.string().min(1);

/** The session has a final (possibly video-validated) summary in the store. */
export const sessionSucceededSchema = z.strictObject({
  ...common,
  status: z.literal('succeeded'),
  /** Store key of the final session summary. */
  summaryRef: storeRefSchema,
});

/** Summarizing failed (model error, too many invented event ids, ...); counts against the 50% threshold. */
export const sessionFailedSchema = z.strictObject({ ...common, status: z.literal('failed'), reason });

/** The session was not analysed on purpose (malformed, shorter than 10 s after cut-offs, ...). */
export const sessionSkippedSchema = z.strictObject({ ...common, status: z.literal('skipped'), reason });

/**
 * The final outcome of one session of a report, exactly one per session: from ingest (skipped),
 * the summarizer (no moments to validate, or failed) or the validator (after video validation).
 */
export const sessionResultSchema = z.discriminatedUnion('status', [
  sessionSucceededSchema,
  sessionFailedSchema,
  sessionSkippedSchema,
]);
export type SessionResult = z.output<typeof sessionResultSchema>;
export type SessionResultInput = z.input<typeof sessionResultSchema>;
export type SessionResultStatus = SessionResult['status'];

/** Keyed by report so the aggregator sees one report's results in order, on one partition. */
export const sessionResultsTopic = defineTopic({
  topic: 'sift.session-results.v1',
  key: reportIdSchema,
  value: sessionResultSchema,
  keyedBy: 'reportId',
  keyOf: (result) => result.reportId,
});
