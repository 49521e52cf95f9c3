import { Inject, Injectable } from '@nestjs/common';
import { PatternResult, patternResultSchema, PatternStage, SessionResult } from '@sift/contracts';
import { REPORT_STATE_TTL_SECONDS, ReportMeta, reportKeys } from '@sift/reports';
import { STATE_STORE } from '@sift/service-kit';
import { LedgerRecord, StateStore } from '@sift/state';
import { PatternPlan, SessionOutcome, sessionOutcomeSchema, SessionRecord } from './aggregator-state.schema';
import { compareIds } from './id-order.util';

const TTL = { ttlSeconds: REPORT_STATE_TTL_SECONDS };

/** Counts of a phase so far, as the progress topic shows them (skipped sessions count as failed). */
export interface PhaseCounts {
  readonly done: number;
  readonly succeeded: number;
  readonly failed: number;
}

export interface Recorded {
  readonly outcome: LedgerRecord['outcome'];
  readonly counts: PhaseCounts;
}

function countsOf(record: Pick<LedgerRecord, 'total' | 'counts'>): PhaseCounts {
  const { succeeded = 0, failed = 0, skipped = 0 } = record.counts;
  return { done: record.total, succeeded, failed: failed + skipped };
}

/**
 * The ledgers of a report's phases: each session's final outcome, each pattern chunk's result. Every
 * record and every close is one atomic step in the store, so a result and a deadline racing each other
 * can never both count a unit, and a redelivered result never counts twice.
 */
@Injectable()
export class ReportLedgers {
  constructor(@Inject(STATE_STORE) private readonly store: StateStore) {}

  async recordSession(result: SessionResult): Promise<Recorded> {
    const outcome = JSON.stringify(outcomeOf(result));
    const ledger = reportKeys.ledger(result.reportId, 'sessions');
    const record = await this.store.recordOnce(ledger, result.sessionId, result.status, outcome, TTL);
    return { outcome: record.outcome, counts: countsOf(record) };
  }

  /** Closes the sessions phase (sessions that never reported fail with `missingReason`); idempotent. */
  async closeSessions(meta: ReportMeta, missingReason: string): Promise<SessionRecord[]> {
    const missing: SessionOutcome = { status: 'failed', reason: missingReason };
    const ledger = reportKeys.ledger(meta.reportId, 'sessions');
    const value = JSON.stringify(missing);
    await this.store.closeLedger(ledger, { members: meta.sessionIds, status: 'failed', value }, TTL);
    return this.sessions(meta);
  }

  /** Every requested session with its outcome, sorted by session id (the phase must be closed). */
  async sessions(meta: ReportMeta): Promise<SessionRecord[]> {
    const entries = await this.store.ledgerEntries(reportKeys.ledger(meta.reportId, 'sessions'));
    return [...new Set(meta.sessionIds)].sort(compareIds).map((sessionId) => {
      const stored = entries.get(sessionId);
      const outcome = stored === undefined ? undefined : sessionOutcomeSchema.safeParse(JSON.parse(stored));
      return {
        sessionId,
        outcome: outcome?.success ? outcome.data : { status: 'failed', reason: 'no outcome was recorded' },
      };
    });
  }

  async recordChunk(result: PatternResult): Promise<Recorded> {
    const ledger = reportKeys.ledger(result.reportId, result.stage);
    const status = result.status;
    const record = await this.store.recordOnce(ledger, result.chunkId, status, JSON.stringify(result), TTL);
    return { outcome: record.outcome, counts: countsOf(record) };
  }

  /** Closes a pattern stage (chunks that never answered fail); the result of every planned chunk. */
  async closeChunks(reportId: string, plan: PatternPlan): Promise<PatternResult[]> {
    const stage: PatternStage = plan.stage;
    const ledger = reportKeys.ledger(reportId, stage);
    const never = (chunkId: string): PatternResult => ({
      reportId,
      stage,
      chunkId,
      status: 'failed',
      reason: 'no result recorded',
    });
    // Nothing is recorded after the close: a chunk without a result reads as failed, the same for everyone.
    await this.store.closeLedger(ledger, { members: [], status: 'failed', value: '' }, TTL);
    const entries = await this.store.ledgerEntries(ledger);
    return plan.chunks.map(({ chunkId }) => {
      const stored = entries.get(chunkId);
      const parsed = stored === undefined ? undefined : patternResultSchema.safeParse(JSON.parse(stored));
      return parsed?.success ? parsed.data : never(chunkId);
    });
  }
}

function outcomeOf(result: SessionResult): SessionOutcome {
  const measured = { usage: result.usage, durationMs: result.durationMs };
  return result.status === 'succeeded'
    ? { status: result.status, summaryRef: result.summaryRef, ...measured }
    : { status: result.status, reason: result.reason, ...measured };
}
