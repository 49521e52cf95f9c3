import { z } from 'zod';
import { reportIdSchema, sessionIdSchema } from '../shared/ids.schema';
import { stageTimingsSchema } from '../shared/stage-timings.schema';
import { isoTimestampSchema } from '../shared/timestamp.schema';
import { usageSchema } from '../shared/usage.schema';
import { sessionSummarySchema } from '../summary/session-summary.schema';
import { questionSchema } from '../input/batch-manifest.schema';
import { patternSchema } from './pattern.schema';
import { refineReport } from './report-rules.util';

const count = z.int().nonnegative();

/** What happened to the batch's sessions. `requested = summarized + failed + skipped.length` when completed. */
export const reportSessionsSchema = z.strictObject({
  requested: count,
  summarized: count,
  failed: count,
  skipped: z.array(z.strictObject({ sessionId: sessionIdSchema, reason: z.string().min(1) })),
});
export type ReportSessions = z.output<typeof reportSessionsSchema>;

/**
 * Report v1 (DESIGN §3): `report.json`, and the value on `sift.reports.v1` when small enough.
 * Patterns are sorted by `comparePatterns`; the counts must add up (see `refineReport`).
 */
export const reportV1Schema = z
  .strictObject({
    reportId: reportIdSchema,
    status: z.enum(['completed', 'failed']),
    /** Why the report failed (e.g. fewer than 50% of sessions summarized); only on failed reports. */
    failureReason: z.string().min(1).optional(),
    question: questionSchema.optional(),
    createdAt: isoTimestampSchema,
    finishedAt: isoTimestampSchema,
    sessions: reportSessionsSchema,
    patterns: z.array(patternSchema),
    /** One summary per summarized session. */
    summaries: z.array(sessionSummarySchema),
    usage: usageSchema,
    timings: stageTimingsSchema,
    /**
     * Caveats a reader must know about a completed report, e.g. that the token budget stopped model
     * calls. An addition to DESIGN §3 (optional, so §3 readers are unaffected).
     */
    warnings: z.array(z.string().min(1)).optional(),
  })
  .superRefine(refineReport);
export type ReportV1 = z.output<typeof reportV1Schema>;
export type ReportV1Input = z.input<typeof reportV1Schema>;
export type ReportStatus = ReportV1['status'];
