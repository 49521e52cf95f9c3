import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { errorMessage } from '@sift/errors';
import { PhaseDeadline, ReportDeadlines } from '@sift/reports';
import { AGGREGATOR_CONFIG, AggregatorConfig } from './aggregator.config';
import { PatternsPhaseService } from './patterns-phase.service';
import { ResultsBacklog } from './results-backlog.service';
import { TransitionRun } from './report-transitions.service';
import { SessionsPhaseService } from './sessions-phase.service';

/**
 * Every REPORT_DEADLINE_SWEEP_MS, closes the phases whose deadline passed. A sweeper first holds an entry
 * (moves its score, compare-and-set: one replica wins), waits while results sent before the deadline are
 * still unread, then closes the phase through its transition; the entry goes only once the phase is
 * closed, so a sweeper that dies mid-way leaves it to the next. Sweeps never overlap or crash the process.
 */
@Injectable()
export class DeadlineSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineSweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private stopped = true;

  constructor(
    @Inject(AGGREGATOR_CONFIG) private readonly config: AggregatorConfig,
    private readonly deadlines: ReportDeadlines,
    private readonly sessions: SessionsPhaseService,
    private readonly patterns: PatternsPhaseService,
    private readonly backlog: ResultsBacklog,
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

  /** One pass over the phases past their deadline. */
  async sweep(): Promise<void> {
    let due: PhaseDeadline[];
    try {
      const { entries, dropped } = await this.deadlines.due(Date.now());
      if (dropped.length > 0) {
        this.logger.warn(`removed deadline entries that name no phase: ${dropped.slice(0, 10).join(', ')}`);
      }
      due = entries;
    } catch (error) {
      this.logger.error(`could not read the report deadlines: ${errorMessage(error)}`);
      return;
    }
    for (const entry of due) {
      if (this.stopped) return;
      await this.closeOverdue(entry).catch((error: unknown) => {
        // The entry stays and is due again when this sweeper's hold runs out.
        this.logger.error(
          `closing the ${entry.phase} of report ${entry.reportId} failed: ${errorMessage(error)}`,
        );
      });
    }
  }

  private async closeOverdue(entry: PhaseDeadline): Promise<void> {
    const held = await this.deadlines.hold(entry, Date.now() + this.config.TRANSITION_LEASE_MS);
    if (!held) return; // another replica holds it, or the phase was re-armed meanwhile
    if (!(await this.backlog.caughtUp(held))) {
      await this.deadlines.hold(held, Date.now() + this.config.REPORT_DEADLINE_SWEEP_MS);
      return;
    }
    const run = await this.close(held);
    if (run !== 'held') await this.deadlines.release(held);
  }

  private close({ reportId, phase }: PhaseDeadline): Promise<TransitionRun> {
    if (phase === 'sessions') return this.sessions.closeOverdue(reportId);
    if (phase === 'extract') return this.patterns.closeOverdue(reportId);
    this.logger.warn(`report ${reportId} has a ${phase} deadline, which this aggregator does not know`);
    return Promise.resolve('done');
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
