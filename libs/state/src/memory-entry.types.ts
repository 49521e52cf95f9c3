/** What the memory store keeps per key: one value kind per key, as in Redis, plus an optional expiry. */
export type MemoryEntry =
  | { kind: 'string'; value: Buffer; expiresAt?: number }
  | { kind: 'set'; members: Set<string>; expiresAt?: number }
  | { kind: 'zset'; scores: Map<string, number>; expiresAt?: number }
  | { kind: 'hash'; fields: Map<string, string>; expiresAt?: number };

export type MemoryEntryKind = MemoryEntry['kind'];
export type MemoryEntryOf<K extends MemoryEntryKind> = Extract<MemoryEntry, { kind: K }>;
