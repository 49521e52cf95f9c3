import type { MemoryEntry, MemoryEntryKind, MemoryEntryOf } from './memory-entry.types';
import { StateStoreError } from './state-store.error';

// Expired keys are dropped when read; a full sweep every so many new keys bounds what is never read again.
const SWEEP_EVERY_NEW_KEYS = 1000;

/** The keys of the memory store with Redis' rules: one kind of value per key, TTLs, empty collections vanish. */
export class MemoryEntries {
  private readonly entries = new Map<string, MemoryEntry>();
  private newKeysSinceSweep = 0;
  private closed = false;

  constructor(readonly now: () => number) {}

  /** Keys held, expired ones not yet swept included. */
  get size(): number {
    return this.entries.size;
  }

  /** Whether `key` holds a value of any kind (expired ones do not count). */
  has(key: string): boolean {
    this.assertOpen();
    const entry = this.entries.get(key);
    if (entry === undefined) return false;
    if (!this.isExpired(entry)) return true;
    this.entries.delete(key);
    return false;
  }

  read<K extends MemoryEntryKind>(key: string, kind: K): MemoryEntryOf<K> | undefined {
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

  write<K extends MemoryEntryKind>(key: string, entry: MemoryEntryOf<K>): MemoryEntryOf<K> {
    this.assertOpen();
    if (!this.entries.has(key) && ++this.newKeysSinceSweep >= SWEEP_EVERY_NEW_KEYS) this.sweep();
    this.entries.set(key, entry);
    return entry;
  }

  delete(key: string): void {
    this.assertOpen();
    this.entries.delete(key);
  }

  /** The entry of `kind` at `key`, created empty when absent. */
  readOrCreate<K extends 'set' | 'zset' | 'hash'>(key: string, kind: K): MemoryEntryOf<K> {
    const existing = this.read(key, kind);
    if (existing) return existing;
    const empty = {
      set: { kind: 'set', members: new Set<string>() },
      zset: { kind: 'zset', scores: new Map<string, number>() },
      hash: { kind: 'hash', fields: new Map<string, string>() },
    }[kind] as MemoryEntryOf<K>;
    return this.write(key, empty);
  }

  expiresAt(ttlMs: number | undefined): number | undefined {
    return ttlMs === undefined ? undefined : this.now() + ttlMs;
  }

  close(): void {
    this.closed = true;
    this.entries.clear();
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

  private assertOpen(): void {
    if (this.closed) throw new StateStoreError('STATE_CLOSED', 'state store is closed');
  }
}
