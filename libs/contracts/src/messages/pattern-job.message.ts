import { z } from 'zod';
import { chunkIdSchema, reportIdSchema } from '../shared/ids.schema';
import { storeRefSchema } from '../shared/store-ref.schema';
import { defineTopic } from '../topics/topic-descriptor';

/**
 * Pattern-extraction stages: `extract` patterns from a chunk of summaries, `combine` and de-duplicate
 * chunk results, `assign` flagged events back to the combined patterns.
 */
export const patternStageSchema = z.enum(['extract', 'combine', 'assign']);
export type PatternStage = z.output<typeof patternStageSchema>;

/** One chunk of pattern work, sized by the aggregator to fit the model's token budget. */
export const patternJobSchema = z
  .strictObject({
    reportId: reportIdSchema,
    stage: patternStageSchema,
    chunkId: chunkIdSchema,
    /** 0-based position of this chunk among the stage's chunks. */
    chunkIndex: z.int().nonnegative(),
    chunkCount: z.int().positive(),
    /** Store key of the chunk's input (summaries, chunk results or patterns + events, by stage). */
    inputRef: storeRefSchema,
  })
  .refine((job) => job.chunkIndex < job.chunkCount, {
    error: 'chunkIndex must be less than chunkCount',
    path: ['chunkIndex'],
  });
export type PatternJob = z.output<typeof patternJobSchema>;
export type PatternJobInput = z.input<typeof patternJobSchema>;

export const patternJobsTopic = defineTopic({
  topic: 'sift.pattern-jobs.v1',
  key: reportIdSchema,
  value: patternJobSchema,
  keyedBy: 'reportId',
  keyOf: (job) => job.reportId,
});
