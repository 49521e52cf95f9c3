import { z } from 'zod';
import { chunkIdSchema, reportIdSchema } from '../shared/ids.schema';
import { storeRefSchema } from '../shared/store-ref.schema';
import { usageSchema } from '../shared/usage.schema';
import { defineTopic } from '../topics/topic-descriptor';
import { patternStageSchema } from './pattern-job.message';

const common = {
  reportId: reportIdSchema,
  stage: patternStageSchema,
  chunkId: chunkIdSchema,
  usage: usageSchema.optional(),
};

export const patternChunkSucceededSchema = z.strictObject({
  ...common,
  status: z.literal('succeeded'),
  /** Store key of the chunk's output. */
  outputRef: storeRefSchema,
});

/** The chunk failed; counts against the stage's 75% threshold. */
export const patternChunkFailedSchema = z.strictObject({
  ...common,
  status: z.literal('failed'),
  reason: z.string().min(1),
});

/** The outcome of one pattern job: `outputRef` when it succeeded, `reason` when it failed. */
export const patternResultSchema = z.discriminatedUnion('status', [
  patternChunkSucceededSchema,
  patternChunkFailedSchema,
]);
export type PatternResult = z.output<typeof patternResultSchema>;
export type PatternResultInput = z.input<typeof patternResultSchema>;

export const patternResultsTopic = defineTopic({
  topic: 'sift.pattern-results.v1',
  key: reportIdSchema,
  value: patternResultSchema,
  keyedBy: 'reportId',
  keyOf: (result) => result.reportId,
});
