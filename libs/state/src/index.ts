export type { AddToSetResult, SetOptions, StateStore } from './state-store.types';
export type {
  LeaseClaim,
  LedgerClose,
  LedgerKeys,
  LedgerRecord,
  LedgerState,
  MissingOutcome,
  ScoredMember,
} from './coordination.types';
export { StateStoreError, type StateStoreErrorCode, type StateStoreErrorOptions } from './state-store.error';
export type { BaseStateStoreOptions } from './base-state-store';
export { MemoryStateStore, type MemoryStateStoreOptions } from './memory-state-store';
export { RedisStateStore, type RedisStateStoreOptions } from './redis-state-store';
export { createStateStore, type StateStoreConfig } from './state-store.factory';
export { DEADLINES_KEY, keyHashTag, reportKey } from './report-keys.util';
export { DEFAULT_COMPRESS_THRESHOLD_BYTES, decodeJson, encodeJson, isGzipped } from './value-codec.util';
