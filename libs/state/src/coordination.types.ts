/**
 * The keys of one ledger: each member's outcome recorded once, counts per status, and a gate that
 * closes it. All three share one report's hash tag, so the ledger's steps are single atomic scripts.
 */
export interface LedgerKeys {
  readonly gate: string;
  readonly entries: string;
  readonly counts: string;
}

/** What a ledger holds: how many members have an outcome, and how many per status. */
export interface LedgerState {
  readonly total: number;
  readonly counts: Readonly<Record<string, number>>;
}

/** {@link LedgerState} after a record: `recorded` for the first outcome of a member, `duplicate` for a
 * later one (ignored), `closed` when the ledger was closed before it arrived (ignored). */
export interface LedgerRecord extends LedgerState {
  readonly outcome: 'recorded' | 'duplicate' | 'closed';
}

/** {@link LedgerState} after a close: `closedNow` for the one call that closed it. */
export interface LedgerClose extends LedgerState {
  readonly closedNow: boolean;
}

/** What a ledger close records for every expected member that has no outcome yet. */
export interface MissingOutcome {
  readonly members: readonly string[];
  readonly status: string;
  readonly value: string;
}

/** `acquired` by this holder, `held` by another live holder, or `done` for good. */
export type LeaseClaim = 'acquired' | 'held' | 'done';

export interface ScoredMember {
  readonly member: string;
  readonly score: number;
}
