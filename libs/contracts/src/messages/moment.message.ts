import { z } from 'zod';
import { eventIdSchema, reportIdSchema, sessionIdSchema } from '../shared/ids.schema';
import { storeRefSchema } from '../shared/store-ref.schema';
import { isoTimestampSchema } from '../shared/timestamp.schema';
import { momentFlagSchema } from '../summary/flags.schema';
import { defineTopic } from '../topics/topic-descriptor';

/** A flagged moment of a session that video validation should look at. */
export const momentSchema = z.strictObject({
  /** The key action's event id (as in the stored summary). */
  eventId: eventIdSchema,
  /** When it happened; the clip starts 7 s before it. */
  timestamp: isoTimestampSchema,
  flag: momentFlagSchema,
  description: z.string().min(1),
  /** The window the event happened in, for sessions recorded across several windows. */
  windowId: z.string().min(1).optional(),
});
export type Moment = z.output<typeof momentSchema>;

/** Rejects the same (eventId, flag) twice in one list; used by the moments and clips messages. */
export function refineUniqueMoments(moments: readonly Moment[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  moments.forEach((moment, i) => {
    const id = `${moment.eventId}\u0000${moment.flag}`;
    if (seen.has(id)) {
      ctx.addIssue({
        code: 'custom',
        message: `duplicate moment: event "${moment.eventId}" is already flagged "${moment.flag}"`,
        path: ['moments', i],
      });
    }
    seen.add(id);
  });
}

/** The summarizer's request to render clips for a session's flagged moments. */
export const sessionMomentsSchema = z
  .strictObject({
    reportId: reportIdSchema,
    sessionId: sessionIdSchema,
    /** Store key of the session summary the validator will update. */
    summaryRef: storeRefSchema,
    /** Store key of the rrweb recording to replay. */
    recordingRef: storeRefSchema,
    moments: z.array(momentSchema).min(1, { error: 'moments must not be empty' }),
  })
  .superRefine((value, ctx) => refineUniqueMoments(value.moments, ctx));
export type SessionMoments = z.output<typeof sessionMomentsSchema>;
export type SessionMomentsInput = z.input<typeof sessionMomentsSchema>;

export const momentsTopic = defineTopic({
  topic: 'sift.moments.v1',
  key: sessionIdSchema,
  value: sessionMomentsSchema,
  keyedBy: 'sessionId',
  keyOf: (value) => value.sessionId,
});
