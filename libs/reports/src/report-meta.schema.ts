import {
  isoTimestampSchema,
  productSchema,
  questionSchema,
  reportIdSchema,
  sessionIdSchema,
} from '@sift/contracts';
import { z } from 'zod';

/** What ingest registers for a report before it fans out: the aggregator counts against it. */
export const reportMetaSchema = z.strictObject({
  reportId: reportIdSchema,
  question: questionSchema.optional(),
  product: productSchema.optional(),
  createdAt: isoTimestampSchema,
  /** When the aggregator stops waiting for sessions and finalizes with what it has. */
  deadlineAt: isoTimestampSchema,
  sessionIds: z.array(sessionIdSchema).min(1),
});
export type ReportMeta = z.output<typeof reportMetaSchema>;
