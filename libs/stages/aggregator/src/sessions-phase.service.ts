import { Inject, Injectable, Logger } from '@nestjs/common';
import { SessionResult } from '@sift/contracts';
import { SiftError } from '@sift/errors';
import { ReportMeta } from '@sift/reports';
import { AGGREGATOR_CONFIG, AggregatorConfig } from './aggregator.config';
import { KnownReports } from './known-reports.service';
import { PatternsPhaseService } from './patterns-phase.service';
import { ReportFinalizer } from './report-finalizer.service';
import { ReportLocks } from './report-locks.service';
import { ReportProgressPublisher } from './report-progress.publisher';
import { ReportTransitions } from './report-transitions.store';
import { SessionOutcomes } from './session-outcomes.store';
import { SESSION_DEADLINE_REASON, sessionsFailureReason } from './session-verdict.util';

/** The sessions phase of a report: counts session results until all are in or the deadline passed. */
@Injectable()
export class SessionsPhaseService {
  private readonly logger = new Logger(SessionsPhaseService.name);

  constructor(
    @Inject(AGGREGATOR_CONFIG) private readonly config: AggregatorConfig,
    private readonly reports: KnownReports,
    private readonly locks: ReportLocks,
    private readonly transitions: ReportTransitions,
    private readonly outcomes: SessionOutcomes,
    private readonly progress: ReportProgressPublisher,
    private readonly patterns: PatternsPhaseService,
    private readonly finalizer: ReportFinalizer,
  ) {}

  /** Records one session's final result and closes the phase once every session reported. */
  record(result: SessionResult): Promise<void> {
    const { reportId, sessionId } = result;
    return this.locks.run(reportId, async () => {
      const { meta, sessionIds } = await this.reports.require(reportId);
      if (!sessionIds.has(sessionId)) {
        throw SiftError.fatal(
          'UNKNOWN_SESSION',
          `session "${sessionId}" is not part of report "${reportId}"`,
        );
      }
      const phase = await this.transitions.state(reportId, 'sessions-closed');
      if (phase === 'done') {
        this.logger.debug(`late result for session ${sessionId} of report ${reportId}: ignored`);
        return;
      }
      if (phase === 'open') {
        const counts = await this.outcomes.record(result);
        await this.progress.publish(reportId, 'summarizing', {
          expected: sessionIds.size,
          succeeded: counts.succeeded,
          failed: counts.failed,
        });
        if (counts.done < sessionIds.size) return;
      }
      await this.close(meta, phase === 'open' ? 'every session reported' : 'resuming an interrupted close');
    });
  }

  /** Closes the sessions phase of a report past its deadline (the sweeper took it off the index). */
  closeOverdue(reportId: string): Promise<void> {
    return this.locks.run(reportId, async () => {
      const report = await this.reports.find(reportId);
      if (!report) {
        this.logger.warn(`report ${reportId} passed its deadline but is no longer registered`);
        return;
      }
      await this.close(report.meta, 'deadline passed');
    });
  }

  /** Once per report: sessions still missing fail, then the threshold decides between patterns and failure. */
  private async close(meta: ReportMeta, why: string): Promise<void> {
    const { reportId } = meta;
    if ((await this.transitions.begin(reportId, 'sessions-closed')) === 'done') return;
    this.logger.log(`closing the sessions of report ${reportId}: ${why}`);
    const sessions = await this.outcomes.closeAll(meta, SESSION_DEADLINE_REASON);
    const failureReason = sessionsFailureReason(sessions, this.config.SESSION_SUCCESS_THRESHOLD);
    if (failureReason === undefined) await this.patterns.start(meta, sessions);
    else await this.finalizer.finalize(meta, { status: 'failed', failureReason });
    await this.transitions.complete(reportId, 'sessions-closed');
  }
}
