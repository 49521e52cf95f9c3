import { Inject, Injectable } from '@nestjs/common';
import { SiftError } from '@sift/errors';
import { REPORT_STATE_TTL_SECONDS, reportKeys } from '@sift/reports';
import { STATE_STORE } from '@sift/service-kit';
import { StateStore } from '@sift/state';
import { randomUUID } from 'node:crypto';
import { AGGREGATOR_CONFIG, AggregatorConfig } from './aggregator.config';
import { ReportTransition } from './aggregator-state.schema';

/** What to do when another replica is in the middle of the transition. */
export type WhenHeld = 'retry-later' | 'skip';

/** How a transition call ended: it ran here, it was done already, or someone else holds it (`skip`). */
export type TransitionRun = 'ran' | 'done' | 'held';

/**
 * Once-per-report transitions, owned through a lease in the store: one caller at a time (of every
 * replica) runs the work, renewing the lease while it runs; the work's signal fires if the lease is
 * lost. Completion is recorded only after the work's effects are stored and sent, so a holder that dies
 * half-way leaves the lease to expire and the next trigger (a redelivered result, the next sweep) runs
 * the work again — every step in it is idempotent.
 */
@Injectable()
export class ReportTransitions {
  private readonly instance = randomUUID();
  private runs = 0;

  constructor(
    @Inject(STATE_STORE) private readonly store: StateStore,
    @Inject(AGGREGATOR_CONFIG) private readonly config: AggregatorConfig,
  ) {}

  async run(
    reportId: string,
    transition: ReportTransition,
    whenHeld: WhenHeld,
    work: (signal: AbortSignal) => Promise<void>,
  ): Promise<TransitionRun> {
    const key = reportKeys.transition(reportId, transition);
    const holder = `${this.instance}:${(this.runs += 1)}`;
    const leaseMs = this.config.TRANSITION_LEASE_MS;
    const claim = await this.store.claimLease(key, holder, leaseMs);
    if (claim === 'done') return 'done';
    if (claim === 'held') {
      if (whenHeld === 'skip') return 'held';
      throw SiftError.retriable('REPORT_BUSY', `report ${reportId}: "${transition}" is under way elsewhere`);
    }
    const lost = new AbortController();
    const renewal = setInterval(() => {
      this.store.renewLease(key, holder, leaseMs).then(
        (renewed) => renewed || lost.abort(new Error(`report ${reportId}: lost the "${transition}" lease`)),
        () => undefined, // a failed renewal is retried on the next tick; the lease may still run out
      );
    }, leaseMs / 3);
    try {
      await work(lost.signal);
      lost.signal.throwIfAborted();
      await this.store.completeLease(key, { ttlSeconds: REPORT_STATE_TTL_SECONDS });
      return 'ran';
    } catch (error) {
      // Give the lease up at once, so the retry (here or on another replica) need not wait for it.
      await this.store.releaseLease(key, holder).catch(() => undefined);
      throw error;
    } finally {
      clearInterval(renewal);
    }
  }
}
