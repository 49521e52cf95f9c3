import { Inject, Injectable, Logger } from '@nestjs/common';
import { ReportV1, reportV1Schema, reportsTopic, SessionSummary, Usage } from '@sift/contracts';
import { errorMessage, isRetriable } from '@sift/errors';
import { TypedPublisher } from '@sift/messaging';
import {
  REPORT_STATE_TTL_SECONDS,
  ReportDeadlines,
  ReportMeta,
  reportKeys,
  reportMessageFor,
  SummaryStore,
} from '@sift/reports';
import { STATE_STORE } from '@sift/service-kit';
import { StateStore } from '@sift/state';
import { AGGREGATOR_CONFIG, AggregatorConfig } from './aggregator.config';
import { SessionRecord } from './aggregator-state.schema';
import { buildReport, ReportVerdict } from './report-document.util';
import { ReportLedgers } from './report-ledgers.store';
import { ReportProgressPublisher } from './report-progress.publisher';
import { ReportTransitions } from './report-transitions.service';
import { SessionFailure } from './session-verdict.util';

/**
 * Writes the finished (or failed) report once and announces it on `sift.reports.v1`. The stored document
 * is the report: whoever finalizes (again, after a crash) announces what was stored first, never a
 * second version.
 */
@Injectable()
export class ReportFinalizer {
  private readonly logger = new Logger(ReportFinalizer.name);
  private readonly summaries: SummaryStore;

  constructor(
    @Inject(STATE_STORE) private readonly store: StateStore,
    private readonly deadlines: ReportDeadlines,
    @Inject(AGGREGATOR_CONFIG) private readonly config: AggregatorConfig,
    private readonly publisher: TypedPublisher,
    private readonly progress: ReportProgressPublisher,
    private readonly transitions: ReportTransitions,
    private readonly ledgers: ReportLedgers,
  ) {
    this.summaries = new SummaryStore(store);
  }

  /** `usages`: what came on top of the sessions' own usage (pattern chunks). The sessions phase is closed. */
  async finalize(meta: ReportMeta, verdict: ReportVerdict, usages: readonly Usage[] = []): Promise<void> {
    const { reportId } = meta;
    await this.transitions.run(reportId, 'finalized', 'retry-later', async (signal) => {
      const key = reportKeys.document(reportId);
      let report = await this.store.getJson(key, reportV1Schema);
      if (!report) {
        const built = await this.build(meta, verdict, usages);
        await this.store.setJsonIfAbsent(key, built, { ttlSeconds: REPORT_STATE_TTL_SECONDS });
        report = (await this.store.getJson(key, reportV1Schema)) ?? built;
      }
      signal.throwIfAborted();
      await this.publisher.publish(
        reportsTopic,
        reportId,
        reportMessageFor(report, this.config.REPORT_INLINE_MAX_BYTES),
      );
      await Promise.all([
        this.deadlines.settle(reportId, 'sessions'),
        this.deadlines.settle(reportId, 'extract'),
      ]);
      const { requested, summarized, failed, skipped } = report.sessions;
      await this.progress.publish(reportId, report.status, {
        expected: requested,
        succeeded: summarized,
        failed: failed + skipped.length,
      });
      this.logger.log(
        `report ${reportId} ${report.status}${report.failureReason ? `: ${report.failureReason}` : ''}`,
      );
    });
  }

  private async build(meta: ReportMeta, verdict: ReportVerdict, usages: readonly Usage[]): Promise<ReportV1> {
    const sessions = await this.ledgers.sessions(meta);
    const { summaries, unloadable } = await this.loadSummaries(sessions);
    return reportV1Schema.parse(
      buildReport({ meta, verdict, sessions, summaries, unloadable, usages, now: Date.now() }),
    );
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
