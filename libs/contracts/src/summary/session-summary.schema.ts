import { z } from 'zod';
import { contentHashSchema, sessionIdSchema } from '../shared/ids.schema';
import { isoTimestampSchema } from '../shared/timestamp.schema';
import { keyActionGroupSchema } from './key-action.schema';
import { segmentOutcomeSchema, segmentSchema, sessionOutcomeSchema } from './segment.schema';

/** Who analysed the session: the deterministic offline analyzer or a model provider (DESIGN §5). */
export const analyzerSchema = z.enum(['offline', 'openai', 'gemini']);
export type Analyzer = z.output<typeof analyzerSchema>;

/**
 * The structured summary of one session, after the summarizer and (for flagged moments) video
 * validation. Not tied to a report: summaries are cached by (contentHash, model, promptVersion).
 */
export const sessionSummarySchema = z
  .strictObject({
    sessionId: sessionIdSchema,
    analyzer: analyzerSchema,
    /** Model id as the provider names it; `offline` for the offline analyzer. */
    model: z.string().min(1),
    /** Version of the prompt template (or of the offline rules) that produced the summary. */
    promptVersion: z.string().min(1),
    contentHash: contentHashSchema.optional(),
    createdAt: isoTimestampSchema.optional(),
    segments: z.array(segmentSchema).min(1, { error: 'a summary needs at least one segment' }),
    keyActions: z.array(keyActionGroupSchema),
    segmentOutcomes: z.array(segmentOutcomeSchema),
    sessionOutcome: sessionOutcomeSchema,
  })
  .superRefine((summary, ctx) => {
    const indexes = new Set<number>();
    summary.segments.forEach((segment, i) => {
      if (indexes.has(segment.index)) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate segment index ${segment.index}`,
          path: ['segments', i, 'index'],
        });
      }
      indexes.add(segment.index);
    });
    const checkRef = (list: 'keyActions' | 'segmentOutcomes', segmentIndex: number, i: number) => {
      if (indexes.has(segmentIndex)) return;
      ctx.addIssue({
        code: 'custom',
        message: `segmentIndex ${segmentIndex} does not match any segments[].index`,
        path: [list, i, 'segmentIndex'],
      });
    };
    summary.keyActions.forEach((group, i) => checkRef('keyActions', group.segmentIndex, i));
    summary.segmentOutcomes.forEach((outcome, i) => checkRef('segmentOutcomes', outcome.segmentIndex, i));
  });
export type SessionSummary = z.output<typeof sessionSummarySchema>;
export type SessionSummaryInput = z.input<typeof sessionSummarySchema>;
