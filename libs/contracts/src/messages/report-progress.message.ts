import { z } from 'zod';
import { reportIdSchema } from '../shared/ids.schema';
import { isoTimestampSchema } from '../shared/timestamp.schema';
import { defineTopic } from '../topics/topic-descriptor';

/** Where a report is in the pipeline, in order. */
export const REPORT_STAGES = [
  'ingesting',
  'summarizing',
  'validating',
  'extracting-patterns',
  'assigning',
  'finalizing',
  'completed',
  'failed',
] as const;
export const reportStageSchema = z.enum(REPORT_STAGES);
export type ReportStage = z.output<typeof reportStageSchema>;

/** Work units of the current stage: sessions while summarizing/validating, chunks while extracting/assigning. */
export const stageCountsSchema = z
  .strictObject({
    expected: z.int().nonnegative(),
    succeeded: z.int().nonnegative(),
    failed: z.int().nonnegative(),
  })
  .refine((counts) => counts.succeeded + counts.failed <= counts.expected, {
    error: 'succeeded + failed must not exceed expected',
  });
export type StageCounts = z.output<typeof stageCountsSchema>;

/** A progress tick for UIs and the CLI's progress bar. */
export const reportProgressSchema = z.strictObject({
  reportId: reportIdSchema,
  stage: reportStageSchema,
  counts: stageCountsSchema,
  at: isoTimestampSchema,
});
export type ReportProgress = z.output<typeof reportProgressSchema>;
export type ReportProgressInput = z.input<typeof reportProgressSchema>;

export const reportProgressTopic = defineTopic({
  topic: 'sift.report-progress.v1',
  key: reportIdSchema,
  value: reportProgressSchema,
  keyedBy: 'reportId',
  keyOf: (progress) => progress.reportId,
});
