import { Pattern, ReportV1Input, SessionSummary, Usage } from '@sift/contracts';
import { ReportMeta } from '@sift/reports';
import { SessionRecord } from './aggregator-state.schema';
import { failureWarnings, SessionFailure } from './session-verdict.util';
import { sumUsage } from './usage-sum.util';

/** How a report ends: completed with its patterns, or failed and why. */
export type ReportVerdict =
  | { readonly status: 'completed'; readonly patterns: readonly Pattern[] }
  | { readonly status: 'failed'; readonly failureReason: string };

export interface ReportParts {
  readonly meta: ReportMeta;
  readonly verdict: ReportVerdict;
  /** Every requested session with its outcome, sorted by session id. */
  readonly sessions: readonly SessionRecord[];
  /** The summaries of the summarized sessions, sorted by session id. */
  readonly summaries: readonly SessionSummary[];
  /** Sessions that succeeded but whose summary could not be loaded: they count as failed. */
  readonly unloadable: readonly SessionFailure[];
  /** Usage beyond the sessions' own (pattern chunks). */
  readonly usages: readonly Usage[];
  /** Epoch milliseconds of finishing. */
  readonly now: number;
}

/** Report v1 from the aggregator's state: every requested session is accounted for exactly once. */
export function buildReport(parts: ReportParts): ReportV1Input {
  const { meta, verdict, sessions, summaries } = parts;
  const skipped = sessions.flatMap(({ sessionId, outcome }) =>
    outcome.status === 'skipped' ? [{ sessionId, reason: outcome.reason ?? 'skipped' }] : [],
  );
  const failures = sessions
    .flatMap(({ sessionId, outcome }) =>
      outcome.status === 'failed' ? [{ sessionId, reason: outcome.reason ?? 'failed' }] : [],
    )
    .concat(parts.unloadable);
  const warnings = failureWarnings(failures);
  const createdAt = Date.parse(meta.createdAt);
  // The creator's clock may run ahead of ours; a report never finishes before it was created.
  const finishedAt = Math.max(parts.now, createdAt);
  return {
    reportId: meta.reportId,
    status: verdict.status,
    ...(verdict.status === 'failed' ? { failureReason: verdict.failureReason } : {}),
    ...(meta.question === undefined ? {} : { question: meta.question }),
    createdAt: meta.createdAt,
    finishedAt: new Date(finishedAt).toISOString(),
    sessions: {
      requested: sessions.length,
      summarized: summaries.length,
      failed: sessions.length - summaries.length - skipped.length,
      skipped,
    },
    patterns: verdict.status === 'completed' ? [...verdict.patterns] : [],
    summaries: [...summaries],
    usage: sumUsage([
      ...sessions.flatMap(({ outcome }) => (outcome.usage ? [outcome.usage] : [])),
      ...parts.usages,
    ]),
    timings: { totalMs: finishedAt - createdAt, byStage: {} },
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}
