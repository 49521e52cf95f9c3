import { z } from 'zod';
import { reportV1Schema } from '../report/report.schema';
import { reportIdSchema } from '../shared/ids.schema';
import { uriSchema } from '../shared/uri.schema';
import { defineTopic } from '../topics/topic-descriptor';

/**
 * A finished or failed report on `sift.reports.v1`: the report inline, or `reportRef` when it is too
 * large for a message (exactly one of the two). `reportId` and `status` repeat the report's own so
 * consumers can route without loading it.
 */
export const reportMessageSchema = z
  .strictObject({
    reportId: reportIdSchema,
    status: z.enum(['completed', 'failed']),
    /** Why the report failed; required when `status` is `failed`, absent otherwise. */
    failureReason: z.string().min(1).optional(),
    report: reportV1Schema.optional(),
    /** Where the full report.json is: `redis://<store key>`, `file://` or `http(s)://`. */
    reportRef: uriSchema.optional(),
  })
  .superRefine((message, ctx) => {
    const issue = (text: string, path: string[] = []) =>
      ctx.addIssue({ code: 'custom', message: text, path });
    if ((message.report === undefined) === (message.reportRef === undefined)) {
      issue('exactly one of report (inline) or reportRef must be set');
    }
    if (message.status === 'failed' && !message.failureReason) {
      issue('a failed report needs a failureReason', ['failureReason']);
    }
    if (message.status === 'completed' && message.failureReason !== undefined) {
      issue('a completed report has no failureReason', ['failureReason']);
    }
    if (message.report && message.report.reportId !== message.reportId) {
      issue(`report.reportId "${message.report.reportId}" differs from reportId`, ['report', 'reportId']);
    }
    if (message.report && message.report.status !== message.status) {
      issue(`report.status "${message.report.status}" differs from status`, ['report', 'status']);
    }
  });
export type ReportMessage = z.output<typeof reportMessageSchema>;
export type ReportMessageInput = z.input<typeof reportMessageSchema>;

export const reportsTopic = defineTopic({
  topic: 'sift.reports.v1',
  key: reportIdSchema,
  value: reportMessageSchema,
  keyedBy: 'reportId',
  keyOf: (message) => message.reportId,
});
