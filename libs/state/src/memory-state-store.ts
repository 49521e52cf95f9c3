import { BaseStateStore, type BaseStateStoreOptions } from './base-state-store';
import type { MemoryEntry, MemoryEntryKind, MemoryEntryOf } from './memory-entry.types';
import { StateStoreError } from './state-store.error';
import type { AddToSetResult, SetOptions } from './state-store.types';
import { assertIntegerDelta, assertLimit, assertScore, ttlMillis } from './store-arguments.util';

// Expired keys are dropped when read; a full sweep every so many new keys bounds what is never read again.
const SWEEP_EVERY_NEW_KEYS = 1000;

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
  private readonly entries = new Map<string, MemoryEntry>();
  private readonly now: () => number;
  private newKeysSinceSweep = 0;
  private closed = false;

  constructor(options: MemoryStateStoreOptions = {}) {
    super(options);
    this.now = options.now ?? Date.now;
  }

  async get(key: string): Promise<Buffer | null> {
    const entry = this.read(key, 'string');
    return entry ? Buffer.from(entry.value) : null;
  }

  async set(key: string, value: Buffer | string, options?: SetOptions): Promise<void> {
    this.assertOpen();
    const expiresAt = this.expiresAt(ttlMillis(options));
    this.write(key, { kind: 'string', value: Buffer.from(value), expiresAt });
  }

  async delete(key: string): Promise<void> {
    this.assertOpen();
    this.entries.delete(key);
  }

  async addToSet(key: string, member: string, options?: SetOptions): Promise<AddToSetResult> {
    const ttl = ttlMillis(options);
    const entry = this.read(key, 'set') ?? this.write(key, { kind: 'set', members: new Set<string>() });
    const added = !entry.members.has(member);
    entry.members.add(member);
    if (ttl !== undefined) entry.expiresAt = this.expiresAt(ttl);
    return { added, size: entry.members.size };
  }

  async setSize(key: string): Promise<number> {
    return this.read(key, 'set')?.members.size ?? 0;
  }

  async setMembers(key: string): Promise<string[]> {
    return [...(this.read(key, 'set')?.members ?? [])];
  }

  async zadd(key: string, score: number, member: string): Promise<void> {
    assertScore(score);
    const entry =
      this.read(key, 'zset') ?? this.write(key, { kind: 'zset', scores: new Map<string, number>() });
    entry.scores.set(member, score);
  }

  async zrangeByScore(key: string, min: number, max: number, limit?: number): Promise<string[]> {
    assertScore(min, 'min');
    assertScore(max, 'max');
    assertLimit(limit);
    const entry = this.read(key, 'zset');
    if (!entry) return [];
    const members = [...entry.scores]
      .filter(([, score]) => score >= min && score <= max)
      // Redis orders equal scores by member bytes; Infinity - Infinity is NaN, which also falls through.
      .sort(([a, sa], [b, sb]) => sa - sb || Buffer.compare(Buffer.from(a), Buffer.from(b)))
      .map(([member]) => member);
    return limit === undefined ? members : members.slice(0, limit);
  }

  async zrem(key: string, member: string): Promise<boolean> {
    const entry = this.read(key, 'zset');
    if (!entry?.scores.delete(member)) return false;
    if (entry.scores.size === 0) this.entries.delete(key);
    return true;
  }

  async incrBy(key: string, by: number, options?: SetOptions): Promise<number> {
    assertIntegerDelta(by);
    const ttl = ttlMillis(options);
    const entry = this.read(key, 'string');
    const text = entry?.value.toString('utf8') ?? '0';
    if (!/^(0|-?[1-9]\d*)$/.test(text)) {
      throw new StateStoreError('STATE_COMMAND_FAILED', `incrBy on "${key}": value is not an integer`);
    }
    const next = Number(text) + by;
    if (!Number.isSafeInteger(next)) {
      throw new StateStoreError('STATE_COMMAND_FAILED', `incrBy on "${key}": result ${next} is out of range`);
    }
    // Like INCRBY, an existing TTL survives unless a new one is given.
    const expiresAt = ttl === undefined ? entry?.expiresAt : this.expiresAt(ttl);
    this.write(key, { kind: 'string', value: Buffer.from(String(next)), expiresAt });
    return next;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.entries.clear();
  }

  private read<K extends MemoryEntryKind>(key: string, kind: K): MemoryEntryOf<K> | undefined {
    this.assertOpen();
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (this.isExpired(entry)) {
      this.entries.delete(key);
      return undefined;
    }
    if (entry.kind !== kind) {
      throw new StateStoreError('STATE_WRONG_TYPE', `"${key}" holds a ${entry.kind}, not a ${kind}`);
    }
    return entry as MemoryEntryOf<K>;
  }

  private write<K extends MemoryEntryKind>(key: string, entry: MemoryEntryOf<K>): MemoryEntryOf<K> {
    if (!this.entries.has(key) && ++this.newKeysSinceSweep >= SWEEP_EVERY_NEW_KEYS) this.sweep();
    this.entries.set(key, entry);
    return entry;
  }

  private sweep(): void {
    this.newKeysSinceSweep = 0;
    for (const [key, entry] of this.entries) {
      if (this.isExpired(entry)) this.entries.delete(key);
    }
  }

  private isExpired(entry: MemoryEntry): boolean {
    return entry.expiresAt !== undefined && entry.expiresAt <= this.now();
  }

  private expiresAt(ttl: number | undefined): number | undefined {
    return ttl === undefined ? undefined : this.now() + ttl;
  }

  private assertOpen(): void {
    if (this.closed) throw new StateStoreError('STATE_CLOSED', 'state store is closed');
  }
}
