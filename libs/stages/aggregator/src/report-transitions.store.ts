import { Inject, Injectable } from '@nestjs/common';
import { REPORT_STATE_TTL_SECONDS, reportKeys } from '@sift/reports';
import { STATE_STORE } from '@sift/service-kit';
import { StateStore } from '@sift/state';
import { ReportTransition } from './aggregator-state.schema';

/** Where a transition stands: not started, started (and maybe interrupted by a crash), or completed. */
export type TransitionState = 'open' | 'started' | 'done';

const TTL = { ttlSeconds: REPORT_STATE_TTL_SECONDS };

/**
 * Once-per-report transitions. `begin` claims a transition atomically; `complete` marks it done once its
 * effects are stored and sent. A claimed but never completed transition is resumed by the next trigger,
 * so a crash half-way does not strand the report (every step after a claim is idempotent).
 */
@Injectable()
export class ReportTransitions {
  constructor(@Inject(STATE_STORE) private readonly store: StateStore) {}

  async state(reportId: string, transition: ReportTransition): Promise<TransitionState> {
    const members = new Set(await this.store.setMembers(reportKeys.transitions(reportId)));
    if (members.has(doneMarker(transition))) return 'done';
    return members.has(transition) ? 'started' : 'open';
  }

  /** `first` for the caller that claimed it, `resume` if claimed earlier but never completed, else `done`. */
  async begin(reportId: string, transition: ReportTransition): Promise<'first' | 'resume' | 'done'> {
    const { added } = await this.store.addToSet(reportKeys.transitions(reportId), transition, TTL);
    if (added) return 'first';
    return (await this.state(reportId, transition)) === 'done' ? 'done' : 'resume';
  }

  async complete(reportId: string, transition: ReportTransition): Promise<void> {
    await this.store.addToSet(reportKeys.transitions(reportId), doneMarker(transition), TTL);
  }
}

function doneMarker(transition: ReportTransition): string {
  return `${transition}:done`;
}
