import { ReportV1 } from '@sift/contracts';

/** What two runs of the same batch must agree on, whatever transport or timing they had. */
export function reportDigest(report: ReportV1) {
  return {
    status: report.status,
    sessions: {
      requested: report.sessions.requested,
      summarized: report.sessions.summarized,
      failed: report.sessions.failed,
      skipped: report.sessions.skipped.map((s) => s.sessionId).sort(),
    },
    patterns: report.patterns.map((pattern) => ({
      id: pattern.id,
      name: pattern.name,
      severity: pattern.severity,
      sessionIds: pattern.sessionIds,
      stats: pattern.stats,
    })),
  };
}
