import { Inject, Injectable, Logger } from '@nestjs/common';
import { SessionResult } from '@sift/contracts';
import { REPORT_STATE_TTL_SECONDS, ReportMeta, reportKeys } from '@sift/reports';
import { STATE_STORE } from '@sift/service-kit';
import { StateStore } from '@sift/state';
import {
  PhaseCounts,
  SessionOutcome,
  sessionOutcomeSchema,
  SessionOutcomeStatus,
  SessionRecord,
} from './aggregator-state.schema';
import { compareIds } from './id-order.util';

const TTL = { ttlSeconds: REPORT_STATE_TTL_SECONDS };

/**
 * The final outcome of each session of a report, plus one set of session ids per status: set sizes are
 * the counts, so a redelivered result never counts twice.
 */
@Injectable()
export class SessionOutcomes {
  private readonly logger = new Logger(SessionOutcomes.name);

  constructor(@Inject(STATE_STORE) private readonly store: StateStore) {}

  /** Records a session's result; the first result of a session wins over later, different ones. */
  async record(result: SessionResult): Promise<PhaseCounts> {
    const { reportId, sessionId } = result;
    const existing = await this.load(reportId, sessionId);
    if (existing && existing.status !== result.status) {
      this.logger.warn(
        `session ${sessionId} of report ${reportId} already ${existing.status}; ignoring a later "${result.status}"`,
      );
    }
    await this.save(reportId, sessionId, existing ?? outcomeOf(result));
    return this.counts(reportId);
  }

  async counts(reportId: string): Promise<PhaseCounts> {
    const size = (status: 'done' | SessionOutcomeStatus) =>
      this.store.setSize(reportKeys.sessionsWith(reportId, status));
    const [done, succeeded, failed, skipped] = await Promise.all([
      size('done'),
      size('succeeded'),
      size('failed'),
      size('skipped'),
    ]);
    return { done, succeeded, failed: failed + skipped };
  }

  /**
   * Every requested session with its outcome, sorted by session id. Sessions that never reported are
   * recorded as failed with `missingReason` first, so the report's counts always add up.
   */
  async closeAll(meta: ReportMeta, missingReason: string): Promise<SessionRecord[]> {
    const sessionIds = [...new Set(meta.sessionIds)].sort(compareIds);
    return Promise.all(
      sessionIds.map(async (sessionId) => {
        const stored = await this.load(meta.reportId, sessionId);
        if (stored) return { sessionId, outcome: stored };
        const outcome: SessionOutcome = { status: 'failed', reason: missingReason };
        await this.save(meta.reportId, sessionId, outcome);
        return { sessionId, outcome };
      }),
    );
  }

  private load(reportId: string, sessionId: string): Promise<SessionOutcome | null> {
    return this.store.getJson(reportKeys.sessionOutcome(reportId, sessionId), sessionOutcomeSchema);
  }

  /** Outcome first, then the sets: a crash in between is repaired by the redelivered result. */
  private async save(reportId: string, sessionId: string, outcome: SessionOutcome): Promise<void> {
    await this.store.setJson(reportKeys.sessionOutcome(reportId, sessionId), outcome, TTL);
    await this.store.addToSet(reportKeys.sessionsWith(reportId, outcome.status), sessionId, TTL);
    await this.store.addToSet(reportKeys.sessionsWith(reportId, 'done'), sessionId, TTL);
  }
}

function outcomeOf(result: SessionResult): SessionOutcome {
  const measured = { usage: result.usage, durationMs: result.durationMs };
  return result.status === 'succeeded'
    ? { status: result.status, summaryRef: result.summaryRef, ...measured }
    : { status: result.status, reason: result.reason, ...measured };
}
