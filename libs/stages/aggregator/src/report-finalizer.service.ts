import { Inject, Injectable, Logger } from '@nestjs/common';
import { ReportV1, reportV1Schema, reportsTopic, SessionSummary, Usage } from '@sift/contracts';
import { TypedPublisher } from '@sift/messaging';
import { errorMessage, isRetriable } from '@sift/errors';
import {
  REPORT_STATE_TTL_SECONDS,
  ReportMeta,
  reportKeys,
  reportMessageFor,
  SummaryStore,
} from '@sift/reports';
import { STATE_STORE } from '@sift/service-kit';
import { StateStore } from '@sift/state';
import { AGGREGATOR_CONFIG, AggregatorConfig } from './aggregator.config';
import { SessionRecord } from './aggregator-state.schema';
import { KnownReports } from './known-reports.service';
import { buildReport, ReportVerdict } from './report-document.util';
import { ReportProgressPublisher } from './report-progress.publisher';
import { ReportTransitions } from './report-transitions.store';
import { SessionOutcomes } from './session-outcomes.store';
import { SESSION_DEADLINE_REASON, SessionFailure } from './session-verdict.util';

/** Writes the finished (or failed) report once, then announces it on `sift.reports.v1`. */
@Injectable()
export class ReportFinalizer {
  private readonly logger = new Logger(ReportFinalizer.name);
  private readonly summaries: SummaryStore;

  constructor(
    @Inject(STATE_STORE) private readonly store: StateStore,
    @Inject(AGGREGATOR_CONFIG) private readonly config: AggregatorConfig,
    private readonly publisher: TypedPublisher,
    private readonly progress: ReportProgressPublisher,
    private readonly transitions: ReportTransitions,
    private readonly outcomes: SessionOutcomes,
    private readonly reports: KnownReports,
  ) {
    this.summaries = new SummaryStore(store);
  }

  /** `usages`: what came on top of the sessions' own usage (pattern chunks). */
  async finalize(meta: ReportMeta, verdict: ReportVerdict, usages: readonly Usage[] = []): Promise<void> {
    const { reportId } = meta;
    if ((await this.transitions.begin(reportId, 'finalized')) === 'done') return;
    // A document stored by an interrupted run is the report: re-sending it keeps finishedAt stable.
    const stored = await this.store.getJson(reportKeys.document(reportId), reportV1Schema);
    const report = stored ?? (await this.write(meta, verdict, usages));
    await this.announce(report);
    await this.reports.settle(reportId);
    const { requested, summarized, failed, skipped } = report.sessions;
    await this.progress.publish(reportId, report.status, {
      expected: requested,
      succeeded: summarized,
      failed: failed + skipped.length,
    });
    await this.transitions.complete(reportId, 'finalized');
    this.logger.log(
      `report ${reportId} ${report.status}${report.failureReason ? `: ${report.failureReason}` : ''}`,
    );
  }

  private async write(meta: ReportMeta, verdict: ReportVerdict, usages: readonly Usage[]): Promise<ReportV1> {
    const sessions = await this.outcomes.closeAll(meta, SESSION_DEADLINE_REASON);
    const { summaries, unloadable } = await this.loadSummaries(sessions);
    const report = reportV1Schema.parse(
      buildReport({ meta, verdict, sessions, summaries, unloadable, usages, now: Date.now() }),
    );
    await this.store.setJson(reportKeys.document(meta.reportId), report, {
      ttlSeconds: REPORT_STATE_TTL_SECONDS,
    });
    return report;
  }

  private async announce(report: ReportV1): Promise<void> {
    const message = reportMessageFor(report, this.config.REPORT_INLINE_MAX_BYTES);
    await this.publisher.publish(reportsTopic, report.reportId, message);
  }

  /** A summary that cannot be loaded turns its session into a failed one instead of blocking the report. */
  private async loadSummaries(
    sessions: readonly SessionRecord[],
  ): Promise<{ summaries: SessionSummary[]; unloadable: SessionFailure[] }> {
    const loaded = await Promise.all(
      sessions.map(async ({ sessionId, outcome }) => {
        if (outcome.status !== 'succeeded') return {};
        if (!outcome.summaryRef) return { failure: { sessionId, reason: 'no summary was recorded' } };
        try {
          const summary = await this.summaries.load(outcome.summaryRef);
          if (summary.sessionId === sessionId) return { summary };
          return { failure: { sessionId, reason: `its summary belongs to session ${summary.sessionId}` } };
        } catch (error) {
          if (isRetriable(error)) throw error;
          return {
            failure: { sessionId, reason: `its summary could not be loaded: ${errorMessage(error)}` },
          };
        }
      }),
    );
    return {
      summaries: loaded.flatMap((entry) => (entry.summary ? [entry.summary] : [])),
      unloadable: loaded.flatMap((entry) => (entry.failure ? [entry.failure] : [])),
    };
  }
}
