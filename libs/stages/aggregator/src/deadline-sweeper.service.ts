import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { errorMessage, isRetriable } from '@sift/errors';
import { AGGREGATOR_CONFIG, AggregatorConfig } from './aggregator.config';
import { KnownReports } from './known-reports.service';
import { PatternsPhaseService } from './patterns-phase.service';
import { ReportTransitions } from './report-transitions.store';
import { SessionsPhaseService } from './sessions-phase.service';

/**
 * Closes the open phase (sessions, then pattern extraction) of reports whose deadline passed, every REPORT_DEADLINE_SWEEP_MS. Of several
 * aggregator replicas, the one that takes a report off the deadline index closes it. Sweeps never overlap
 * and never crash the process.
 */
@Injectable()
export class DeadlineSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineSweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private stopped = true;

  constructor(
    @Inject(AGGREGATOR_CONFIG) private readonly config: AggregatorConfig,
    private readonly reports: KnownReports,
    private readonly sessions: SessionsPhaseService,
    private readonly patterns: PatternsPhaseService,
    private readonly transitions: ReportTransitions,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.sweeping;
  }

  /** One pass over the overdue reports. */
  async sweep(): Promise<void> {
    let overdue: string[];
    try {
      overdue = await this.reports.overdue(Date.now());
    } catch (error) {
      this.logger.error(`could not read the report deadlines: ${errorMessage(error)}`);
      return;
    }
    for (const reportId of overdue) {
      if (this.stopped) return;
      if (await this.settle(reportId)) await this.close(reportId);
    }
  }

  private async settle(reportId: string): Promise<boolean> {
    try {
      return await this.reports.settle(reportId);
    } catch (error) {
      this.logger.error(`could not settle overdue report ${reportId}: ${errorMessage(error)}`);
      return false;
    }
  }

  /** A transient failure puts the report back on the index: the close resumes where it stopped. */
  private async close(reportId: string): Promise<void> {
    try {
      const sessionsClosed = (await this.transitions.state(reportId, 'sessions-closed')) === 'done';
      if (sessionsClosed) await this.patterns.closeOverdue(reportId);
      else await this.sessions.closeOverdue(reportId);
    } catch (error) {
      const retry = isRetriable(error);
      const next = retry ? ', will retry' : '';
      this.logger.error(`closing overdue report ${reportId} failed${next}: ${errorMessage(error)}`);
      if (!retry) return;
      const at = Date.now() + this.config.REPORT_DEADLINE_SWEEP_MS;
      await this.reports.rearm(reportId, at).catch(() => undefined);
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.sweeping = this.sweep().finally(() => {
        this.sweeping = undefined;
        this.schedule();
      });
    }, this.config.REPORT_DEADLINE_SWEEP_MS);
    // The sweep alone must not keep the process alive.
    this.timer.unref();
  }
}
