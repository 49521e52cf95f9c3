import { z } from 'zod';
import { uriSchema } from '../shared/uri.schema';

/**
 * What video validation concluded about a flagged moment: `confirmed` (the clip shows the problem),
 * `rejected` (it does not; the flag was changed), `skipped` (not validated, e.g. budget or no
 * recording) or `failed` (rendering or the model call failed; the flag was kept).
 */
export const clipValidationSchema = z.strictObject({
  status: z.enum(['confirmed', 'rejected', 'skipped', 'failed']),
  /** Why, in a sentence: what the model saw, or why validation did not happen. */
  reason: z.string().min(1),
  /** The model that judged the clip, when one did. */
  model: z.string().min(1).optional(),
});
export type ClipValidation = z.output<typeof clipValidationSchema>;

/** A rendered clip as summaries and reports link it. */
export const summaryClipSchema = z.strictObject({
  /** Where the video is: `file://` next to the report, `http(s)://`, or `redis://<store key>`. */
  uri: uriSchema,
  durationMs: z.number().positive(),
  /** Where the clip starts, in ms since the start of the session recording. */
  startMs: z.number().nonnegative(),
  /** Number of encoded frames. */
  frames: z.int().positive().optional(),
});
export type SummaryClip = z.output<typeof summaryClipSchema>;
