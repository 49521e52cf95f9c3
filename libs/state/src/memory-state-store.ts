import { BaseStateStore, type BaseStateStoreOptions } from './base-state-store';
import type {
  LeaseClaim,
  LedgerClose,
  LedgerKeys,
  LedgerRecord,
  LedgerState,
  MissingOutcome,
  ScoredMember,
} from './coordination.types';
import { LEASE_DONE, leaseValue } from './ledger-parse.util';
import {
  claimLeaseIn,
  closeLedgerIn,
  ledgerStateIn,
  recordOnceIn,
  renewLeaseIn,
} from './memory-coordination.util';
import { MemoryEntries } from './memory-entries';
import { StateStoreError } from './state-store.error';
import type { AddToSetResult, SetOptions } from './state-store.types';
import { assertIntegerDelta, assertLimit, assertScore, ttlMillis } from './store-arguments.util';

export interface MemoryStateStoreOptions extends BaseStateStoreOptions {
  /** Clock in epoch milliseconds; tests may pass a fake one to expire keys without waiting. */
  now?: () => number;
}

/**
 * A {@link StateStore} in process memory, for embedded mode and fast tests. Mirrors Redis semantics
 * (types per key, TTLs, empty sets disappear) and is atomic because no operation awaits mid-way.
 * Uses no timers, so it never keeps the process alive.
 */
export class MemoryStateStore extends BaseStateStore {
  private readonly entries: MemoryEntries;

  constructor(options: MemoryStateStoreOptions = {}) {
    super(options);
    this.entries = new MemoryEntries(options.now ?? Date.now);
  }

  async get(key: string): Promise<Buffer | null> {
    const entry = this.entries.read(key, 'string');
    return entry ? Buffer.from(entry.value) : null;
  }

  async set(key: string, value: Buffer | string, options?: SetOptions): Promise<void> {
    const expiresAt = this.entries.expiresAt(ttlMillis(options));
    this.entries.write(key, { kind: 'string', value: Buffer.from(value), expiresAt });
  }

  async setIfAbsent(key: string, value: Buffer | string, options?: SetOptions): Promise<boolean> {
    // Like SET NX: a key of any type counts as present.
    if (this.entries.has(key)) return false;
    await this.set(key, value, options);
    return true;
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async addToSet(key: string, member: string, options?: SetOptions): Promise<AddToSetResult> {
    const ttl = ttlMillis(options);
    const entry = this.entries.readOrCreate(key, 'set');
    const added = !entry.members.has(member);
    entry.members.add(member);
    if (ttl !== undefined) entry.expiresAt = this.entries.expiresAt(ttl);
    return { added, size: entry.members.size };
  }

  async setSize(key: string): Promise<number> {
    return this.entries.read(key, 'set')?.members.size ?? 0;
  }

  async setMembers(key: string): Promise<string[]> {
    return [...(this.entries.read(key, 'set')?.members ?? [])];
  }

  async zadd(key: string, score: number, member: string): Promise<void> {
    assertScore(score);
    this.entries.readOrCreate(key, 'zset').scores.set(member, score);
  }

  async zrangeByScore(key: string, min: number, max: number, limit?: number): Promise<string[]> {
    return (await this.zrangeByScoreWithScores(key, min, max, limit)).map(({ member }) => member);
  }

  async zrangeByScoreWithScores(
    key: string,
    min: number,
    max: number,
    limit?: number,
  ): Promise<ScoredMember[]> {
    assertScore(min, 'min');
    assertScore(max, 'max');
    assertLimit(limit);
    const entry = this.entries.read(key, 'zset');
    if (!entry) return [];
    const members = [...entry.scores]
      .filter(([, score]) => score >= min && score <= max)
      // Redis orders equal scores by member bytes; Infinity - Infinity is NaN, which also falls through.
      .sort(([a, sa], [b, sb]) => sa - sb || Buffer.compare(Buffer.from(a), Buffer.from(b)))
      .map(([member, score]) => ({ member, score }));
    return limit === undefined ? members : members.slice(0, limit);
  }

  async zrem(key: string, member: string): Promise<boolean> {
    const entry = this.entries.read(key, 'zset');
    if (!entry?.scores.delete(member)) return false;
    if (entry.scores.size === 0) this.entries.delete(key);
    return true;
  }

  async zscoreIf(key: string, member: string, expected: number, next: number | null): Promise<boolean> {
    assertScore(expected, 'expected');
    if (next !== null) assertScore(next);
    const entry = this.entries.read(key, 'zset');
    if (entry?.scores.get(member) !== expected) return false;
    if (next === null) return this.zrem(key, member);
    entry.scores.set(member, next);
    return true;
  }

  async incrBy(key: string, by: number, options?: SetOptions): Promise<number> {
    assertIntegerDelta(by);
    const ttl = ttlMillis(options);
    const entry = this.entries.read(key, 'string');
    const text = entry?.value.toString('utf8') ?? '0';
    if (!/^(0|-?[1-9]\d*)$/.test(text)) {
      throw new StateStoreError('STATE_COMMAND_FAILED', `incrBy on "${key}": value is not an integer`);
    }
    const next = Number(text) + by;
    if (!Number.isSafeInteger(next)) {
      throw new StateStoreError('STATE_COMMAND_FAILED', `incrBy on "${key}": result ${next} is out of range`);
    }
    // Like INCRBY, an existing TTL survives unless a new one is given.
    const expiresAt = ttl === undefined ? entry?.expiresAt : this.entries.expiresAt(ttl);
    this.entries.write(key, { kind: 'string', value: Buffer.from(String(next)), expiresAt });
    return next;
  }

  async recordOnce(
    ledger: LedgerKeys,
    member: string,
    status: string,
    value: string,
    options?: SetOptions,
  ): Promise<LedgerRecord> {
    return recordOnceIn(this.entries, ledger, { member, status, value, ttlMs: ttlMillis(options) });
  }

  async closeLedger(ledger: LedgerKeys, missing: MissingOutcome, options?: SetOptions): Promise<LedgerClose> {
    return closeLedgerIn(this.entries, ledger, missing, ttlMillis(options));
  }

  async ledgerEntries(ledger: LedgerKeys): Promise<Map<string, string>> {
    return new Map(this.entries.read(ledger.entries, 'hash')?.fields ?? []);
  }

  async ledgerState(ledger: LedgerKeys): Promise<LedgerState> {
    return ledgerStateIn(this.entries, ledger);
  }

  async claimLease(key: string, holder: string, leaseMs: number): Promise<LeaseClaim> {
    return claimLeaseIn(this.entries, key, holder, leaseMs);
  }

  async renewLease(key: string, holder: string, leaseMs: number): Promise<boolean> {
    return renewLeaseIn(this.entries, key, holder, leaseMs);
  }

  async completeLease(key: string, holder: string, options?: SetOptions): Promise<boolean> {
    if (this.entries.read(key, 'string')?.value.toString() !== leaseValue(holder)) return false;
    await this.set(key, LEASE_DONE, options);
    return true;
  }

  async releaseLease(key: string, holder: string): Promise<void> {
    if (this.entries.read(key, 'string')?.value.toString() === leaseValue(holder)) this.entries.delete(key);
  }

  async close(): Promise<void> {
    this.entries.close();
  }
}
