import { ReportMessageInput, reportIdSchema } from '@sift/contracts';
import { RejectedMessage } from '@sift/messaging';

/**
 * The failed report owed for a batch that never made it past validation, when its reportId can still
 * be read from the bytes; `undefined` when it cannot (then only the DLQ knows).
 */
export function rejectedBatchReport(rejection: RejectedMessage, now: Date): ReportMessageInput | undefined {
  const reportId = readReportId(rejection.message.value);
  if (!reportId) return undefined;
  const failureReason = `the batch was rejected (${rejection.code}): ${rejection.reason}`;
  const at = now.toISOString();
  const noUsage = { llmCalls: 0, inputTokens: 0, outputTokens: 0, clipsRendered: 0 };
  return {
    reportId,
    status: 'failed',
    failureReason,
    report: {
      reportId,
      status: 'failed',
      failureReason,
      createdAt: at,
      finishedAt: at,
      sessions: { requested: 0, summarized: 0, failed: 0, skipped: [] },
      patterns: [],
      summaries: [],
      usage: { ...noUsage, byStage: {} },
      timings: { totalMs: 0, byStage: {} },
    },
  };
}

function readReportId(value: Buffer | null): string | undefined {
  try {
    const parsed: unknown = JSON.parse(value?.toString('utf8') ?? '');
    if (typeof parsed !== 'object' || parsed === null || !('reportId' in parsed)) return undefined;
    const reportId = reportIdSchema.safeParse(parsed.reportId);
    return reportId.success ? reportId.data : undefined;
  } catch {
    return undefined;
  }
}
