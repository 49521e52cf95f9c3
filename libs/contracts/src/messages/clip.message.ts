import { z } from 'zod';
import { reportIdSchema, sessionIdSchema } from '../shared/ids.schema';
import { storeRefSchema } from '../shared/store-ref.schema';
import { uriSchema } from '../shared/uri.schema';
import { defineTopic } from '../topics/topic-descriptor';
import { momentSchema, refineUniqueMoments } from './moment.message';

/** A rendered clip: exactly one of `ref` (state store) or `uri` says where the video is. */
export const renderedClipSchema = z
  .strictObject({
    ref: storeRefSchema.optional(),
    uri: uriSchema.optional(),
    mimeType: z.enum(['video/mp4', 'video/webm']).optional(),
    durationMs: z.number().positive(),
    /** Where the clip starts, in ms since the start of the session recording. */
    startMs: z.number().nonnegative(),
    frames: z.int().positive(),
    sizeBytes: z.int().positive(),
  })
  .refine((clip) => (clip.ref === undefined) !== (clip.uri === undefined), {
    error: 'a clip needs exactly one of ref or uri',
  });
export type RenderedClip = z.output<typeof renderedClipSchema>;

/** A moment with its rendering outcome: exactly one of `clip` or `renderError`. */
export const clippedMomentSchema = momentSchema
  .extend({
    clip: renderedClipSchema.optional(),
    /** Why no clip could be rendered; the validator then keeps the flag unvalidated. */
    renderError: z.string().min(1).optional(),
  })
  .refine((moment) => (moment.clip === undefined) !== (moment.renderError === undefined), {
    error: 'a moment needs exactly one of clip or renderError',
  });
export type ClippedMoment = z.output<typeof clippedMomentSchema>;

/** The video-renderer's output for one session's moments, for the validator. */
export const sessionClipsSchema = z
  .strictObject({
    reportId: reportIdSchema,
    sessionId: sessionIdSchema,
    summaryRef: storeRefSchema,
    moments: z.array(clippedMomentSchema).min(1, { error: 'moments must not be empty' }),
  })
  .superRefine((value, ctx) => refineUniqueMoments(value.moments, ctx));
export type SessionClips = z.output<typeof sessionClipsSchema>;
export type SessionClipsInput = z.input<typeof sessionClipsSchema>;

export const clipsTopic = defineTopic({
  topic: 'sift.clips.v1',
  key: sessionIdSchema,
  value: sessionClipsSchema,
  keyedBy: 'sessionId',
  keyOf: (value) => value.sessionId,
});
