import { sessionIdSchema, severitySchema } from '@sift/contracts';
import { z } from 'zod';
import { PROBLEM_IDS } from './problem-catalogue';

const problemIdSchema = z.enum(PROBLEM_IDS);

/** `labels.json`, written beside a recorded batch (never inside it): the truth a report is judged by. */
export const batchLabelsSchema = z.strictObject({
  version: z.literal(1),
  seed: z.int(),
  /** Session time = recorded time × this factor, applied to events and recording alike. */
  stretchFactor: z.number().positive(),
  /** The batch folder these labels describe, relative to the labels file. */
  batch: z.string().min(1),
  problems: z.record(
    problemIdSchema,
    z.strictObject({
      description: z.string().min(1),
      expectedMinSeverity: severitySchema.nullable(),
      noise: z.boolean(),
      sessions: z.array(sessionIdSchema),
    }),
  ),
  sessions: z.record(
    sessionIdSchema,
    z.strictObject({
      persona: z.string().min(1),
      journey: z.string().min(1),
      problems: z.array(problemIdSchema),
      /** Only harmless noise (or nothing) happened: a report should find nothing blocking here. */
      noiseOnly: z.boolean(),
      outcome: z.enum(['completed', 'abandoned']),
      hasRecording: z.boolean(),
      durationMs: z.number().positive(),
    }),
  ),
});
export type BatchLabels = z.output<typeof batchLabelsSchema>;
