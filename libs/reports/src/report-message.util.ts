import { ReportMessageInput, ReportV1, storeRefToUri } from '@sift/contracts';
import { reportKeys } from './report-keys.util';

/**
 * The `sift.reports.v1` value announcing a stored report: inline up to `inlineMaxBytes` of JSON, else by
 * `redis://` reference to where the report document is stored.
 */
export function reportMessageFor(report: ReportV1, inlineMaxBytes: number): ReportMessageInput {
  const inline = Buffer.byteLength(JSON.stringify(report)) <= inlineMaxBytes;
  return {
    reportId: report.reportId,
    status: report.status,
    ...(report.failureReason === undefined ? {} : { failureReason: report.failureReason }),
    ...(inline ? { report } : { reportRef: storeRefToUri(reportKeys.document(report.reportId)) }),
  };
}
