import type { z } from 'zod';
import type {
  LeaseClaim,
  LedgerClose,
  LedgerKeys,
  LedgerRecord,
  LedgerState,
  MissingOutcome,
  ScoredMember,
} from './coordination.types';

/** Options for writes that may expire. */
export interface SetOptions {
  /**
   * Time to live in seconds (fractions allowed, millisecond precision). Without it the key never expires;
   * a plain `set` without it also clears an earlier TTL, as Redis `SET` does.
   */
  ttlSeconds?: number;
}

/** Result of {@link StateStore.addToSet}. */
export interface AddToSetResult {
  /** True if the member was not in the set before this call. */
  added: boolean;
  /** Set size right after this call, read in the same atomic step as the add. */
  size: number;
}

/**
 * The key-value state the services share: Redis in distributed mode, memory in embedded mode and tests.
 * Every implementation passes the same conformance suite (`test/conformance/state-store.conformance.int-spec.ts`).
 * Failures reject with a {@link StateStoreError}.
 */
export interface StateStore {
  /** Raw bytes at `key`, or null when absent or expired. */
  get(key: string): Promise<Buffer | null>;
  /** Stores bytes (strings as UTF-8), replacing whatever `key` held. */
  set(key: string, value: Buffer | string, options?: SetOptions): Promise<void>;
  /** Removes `key` of any type; a missing key is not an error. */
  delete(key: string): Promise<void>;

  /**
   * Reads JSON written by {@link setJson}, transparently gunzipping compressed values. With a `schema` the
   * value is validated and a mismatch rejects with code `STATE_SCHEMA_MISMATCH`.
   */
  getJson<T>(key: string, schema?: z.ZodType<T>): Promise<T | null>;
  /**
   * Stores `value` as JSON. Serialized values above the store's threshold (default 1 KiB) are stored
   * gzip-compressed; the gzip magic bytes are the marker reads rely on (valid JSON text never starts with them).
   */
  setJson(key: string, value: unknown, options?: SetOptions): Promise<void>;

  /**
   * Adds `member` to the set at `key` and reports whether it was new plus the size after, in one atomic
   * step — so completion counting stays exact under duplicate delivery. A TTL applies to the whole set
   * and is refreshed on every add.
   */
  addToSet(key: string, member: string, options?: SetOptions): Promise<AddToSetResult>;
  /** Number of members in the set at `key` (0 when absent). */
  setSize(key: string): Promise<number>;
  /** Members of the set at `key`, in no particular order. */
  setMembers(key: string): Promise<string[]>;

  /** Adds `member` to the sorted set at `key` with `score`, or updates its score. */
  zadd(key: string, score: number, member: string): Promise<void>;
  /** Members with `min <= score <= max` (infinities allowed), lowest score first, at most `limit` of them. */
  zrangeByScore(key: string, min: number, max: number, limit?: number): Promise<string[]>;
  /**
   * Removes `member`; true only for the caller that actually removed it, so racing sweepers can agree on
   * which one acts.
   */
  zrem(key: string, member: string): Promise<boolean>;

  /** Atomically adds the integer `by` to the counter at `key` (absent = 0) and returns the new value. */
  incrBy(key: string, by: number, options?: SetOptions): Promise<number>;

  /** Stores `value` only if `key` holds nothing; true for the one caller that stored it. */
  setIfAbsent(key: string, value: Buffer | string, options?: SetOptions): Promise<boolean>;
  /** {@link setIfAbsent} for JSON, encoded like {@link setJson}. */
  setJsonIfAbsent(key: string, value: unknown, options?: SetOptions): Promise<boolean>;

  /**
   * Records `member`'s outcome in a ledger, in one atomic step: the first outcome of a member is kept
   * and counted under `status`, later ones are ignored, and nothing is recorded once the ledger is closed.
   * A TTL applies to the entries and counts and is refreshed on every record.
   */
  recordOnce(
    ledger: LedgerKeys,
    member: string,
    status: string,
    value: string,
    options?: SetOptions,
  ): Promise<LedgerRecord>;
  /**
   * Closes a ledger and records `missing.value` under `missing.status` for every listed member without
   * an outcome, in one atomic step; closing again changes nothing. No record lands after it.
   */
  closeLedger(ledger: LedgerKeys, missing: MissingOutcome, options?: SetOptions): Promise<LedgerClose>;
  /** Every member's recorded outcome. */
  ledgerEntries(ledger: LedgerKeys): Promise<Map<string, string>>;
  ledgerState(ledger: LedgerKeys): Promise<LedgerState>;

  /**
   * Claims the lease at `key` for `holder` for `leaseMs`: `acquired` when it was free, expired or already
   * this holder's (then extended), `held` while another holder's lease runs, `done` once completed.
   */
  claimLease(key: string, holder: string, leaseMs: number): Promise<LeaseClaim>;
  /** Extends `holder`'s lease; false when it is no longer theirs (expired and taken, or completed). */
  renewLease(key: string, holder: string, leaseMs: number): Promise<boolean>;
  /**
   * Marks `holder`'s lease done for good (every later claim answers `done`); false, changing nothing,
   * when the lease is no longer theirs.
   */
  completeLease(key: string, holder: string, options?: SetOptions): Promise<boolean>;
  /** Gives `holder`'s lease up early (after a failure), so another caller need not wait for it to expire. */
  releaseLease(key: string, holder: string): Promise<void>;

  /** Like {@link zrangeByScore}, with each member's score. */
  zrangeByScoreWithScores(key: string, min: number, max: number, limit?: number): Promise<ScoredMember[]>;
  /**
   * Compare-and-set on a sorted set member: moves it to `next` (or removes it when `next` is null) only
   * while its score is still `expected`; true for the one caller that did.
   */
  zscoreIf(key: string, member: string, expected: number, next: number | null): Promise<boolean>;

  /** Releases the store's resources; later calls reject with code `STATE_CLOSED`. */
  close(): Promise<void>;
}
