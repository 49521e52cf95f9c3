import { Inject, Injectable, Logger } from '@nestjs/common';
import { SessionResult } from '@sift/contracts';
import { SiftError } from '@sift/errors';
import { ReportDeadlines, ReportMeta } from '@sift/reports';
import { AGGREGATOR_CONFIG, AggregatorConfig } from './aggregator.config';
import { KnownReports } from './known-reports.service';
import { PatternsPhaseService } from './patterns-phase.service';
import { ReportFinalizer } from './report-finalizer.service';
import { ReportLedgers } from './report-ledgers.store';
import { ReportProgressPublisher } from './report-progress.publisher';
import { ReportTransitions, TransitionRun, WhenHeld } from './report-transitions.service';
import { SESSION_DEADLINE_REASON, sessionsFailureReason } from './session-verdict.util';

/** The sessions phase of a report: counts session results until all are in or the deadline passed. */
@Injectable()
export class SessionsPhaseService {
  private readonly logger = new Logger(SessionsPhaseService.name);

  constructor(
    @Inject(AGGREGATOR_CONFIG) private readonly config: AggregatorConfig,
    private readonly deadlines: ReportDeadlines,
    private readonly reports: KnownReports,
    private readonly transitions: ReportTransitions,
    private readonly ledgers: ReportLedgers,
    private readonly progress: ReportProgressPublisher,
    private readonly patterns: PatternsPhaseService,
    private readonly finalizer: ReportFinalizer,
  ) {}

  /** Records one session's final result and closes the phase once every session reported. */
  async record(result: SessionResult): Promise<void> {
    const { reportId, sessionId } = result;
    const { meta, sessionIds } = await this.reports.require(reportId);
    if (!sessionIds.has(sessionId)) {
      throw SiftError.fatal('UNKNOWN_SESSION', `session "${sessionId}" is not part of report "${reportId}"`);
    }
    const { outcome, counts } = await this.ledgers.recordSession(result);
    if (outcome === 'recorded') {
      const { succeeded, failed } = counts;
      await this.progress.publish(reportId, 'summarizing', { expected: sessionIds.size, succeeded, failed });
    }
    if (outcome === 'closed') this.logger.debug(`late result for session ${sessionId} of report ${reportId}`);
    else if (counts.done < sessionIds.size) return;
    // Also for a late or repeated result: it makes sure a close that a crash interrupted is finished.
    await this.close(meta, 'every session reported', 'retry-later');
  }

  /** Closes the sessions phase of a report past its deadline; `held` when another replica is at it. */
  async closeOverdue(reportId: string): Promise<TransitionRun> {
    const report = await this.reports.find(reportId);
    if (!report) {
      this.logger.warn(`report ${reportId} passed its deadline but is no longer registered`);
      return 'done';
    }
    return this.close(report.meta, 'deadline passed', 'skip');
  }

  /** Once per report: sessions still missing fail, then the threshold decides between patterns and failure. */
  private close(meta: ReportMeta, why: string, whenHeld: WhenHeld): Promise<TransitionRun> {
    const { reportId } = meta;
    return this.transitions.run(reportId, 'sessions-closed', whenHeld, async (signal) => {
      this.logger.log(`closing the sessions of report ${reportId}: ${why}`);
      const sessions = await this.ledgers.closeSessions(meta, SESSION_DEADLINE_REASON);
      const failureReason = sessionsFailureReason(sessions, this.config.SESSION_SUCCESS_THRESHOLD);
      signal.throwIfAborted();
      if (failureReason === undefined) await this.patterns.start(meta, sessions, signal);
      else await this.finalizer.finalize(meta, { status: 'failed', failureReason });
      await this.deadlines.settle(reportId, 'sessions');
    });
  }
}
