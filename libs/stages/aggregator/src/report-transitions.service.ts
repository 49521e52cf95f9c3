import { Inject, Injectable } from '@nestjs/common';
import { SiftError } from '@sift/errors';
import { REPORT_STATE_TTL_SECONDS, ReportRegistry, reportKeys } from '@sift/reports';
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
 * replica) runs the work, renewing the lease while it runs. The work's signal fires as soon as the lease
 * may be lost — a renewal found it taken, or renewals failed for so long it may have run out — and
 * completion is marked only by the holder, after the work's effects are stored and sent. A holder that
 * dies half-way leaves the lease to expire, and the next trigger (a redelivered result, the next sweep)
 * runs the work again: every step in it is idempotent.
 */
@Injectable()
export class ReportTransitions {
  private readonly instance = randomUUID();
  private readonly registry: ReportRegistry;
  private runs = 0;

  constructor(
    @Inject(STATE_STORE) private readonly store: StateStore,
    @Inject(AGGREGATOR_CONFIG) private readonly config: AggregatorConfig,
  ) {
    this.registry = new ReportRegistry(store);
  }

  async run(
    reportId: string,
    transition: ReportTransition,
    whenHeld: WhenHeld,
    work: (signal: AbortSignal) => Promise<void>,
  ): Promise<TransitionRun> {
    const key = reportKeys.transition(reportId, transition);
    const holder = `${this.instance}:${(this.runs += 1)}`;
    const claim = await this.store.claimLease(key, holder, this.config.TRANSITION_LEASE_MS);
    if (claim === 'done') return 'done';
    if (claim === 'held') {
      if (whenHeld === 'skip') return 'held';
      throw SiftError.retriable('REPORT_BUSY', `report ${reportId}: "${transition}" is under way elsewhere`);
    }
    const lease = this.keepLease(key, holder, `report ${reportId}: the "${transition}" lease may be lost`);
    try {
      await work(lease.signal);
      lease.signal.throwIfAborted();
      const completed = await this.store.completeLease(key, holder, { ttlSeconds: REPORT_STATE_TTL_SECONDS });
      if (!completed) {
        throw SiftError.retriable('REPORT_BUSY', `report ${reportId}: "${transition}" was taken over`);
      }
      // The meta is the last of a report's keys to expire: a re-run under the same id after it is gone
      // finds nothing of the old run.
      await this.registry.touch(reportId);
      return 'ran';
    } catch (error) {
      // Give the lease up at once, so the retry (here or on another replica) need not wait for it.
      await this.store.releaseLease(key, holder).catch(() => undefined);
      throw error;
    } finally {
      lease.stop();
    }
  }

  /** Renews the lease every third of its length; the signal fires once it can no longer be sure of it. */
  private keepLease(
    key: string,
    holder: string,
    lostReason: string,
  ): { signal: AbortSignal; stop: () => void } {
    const leaseMs = this.config.TRANSITION_LEASE_MS;
    const lost = new AbortController();
    let confirmedAt = Date.now();
    const renewal = setInterval(() => {
      const sent = Date.now();
      this.store.renewLease(key, holder, leaseMs).then(
        (renewed) => (renewed ? (confirmedAt = sent) : lost.abort(new Error(lostReason))),
        () => undefined,
      );
      // Two thirds of a lease without a confirmed renewal: another replica may hold it by now.
      if (sent - confirmedAt >= (leaseMs * 2) / 3) lost.abort(new Error(lostReason));
    }, leaseMs / 3);
    return { signal: lost.signal, stop: () => clearInterval(renewal) };
  }
}
