import { StateStoreError } from './state-store.error';
import type { SetOptions } from './state-store.types';

function invalid(message: string): StateStoreError {
  return new StateStoreError('STATE_INVALID_ARGUMENT', message);
}

/** The TTL of `options` in whole milliseconds (at least 1), or undefined when there is none. */
export function ttlMillis(options: SetOptions | undefined): number | undefined {
  const seconds = options?.ttlSeconds;
  if (seconds === undefined) return undefined;
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw invalid(`ttlSeconds must be a positive finite number, got ${seconds}`);
  }
  return Math.max(1, Math.round(seconds * 1000));
}

/** Rejects increments Redis `INCRBY` would refuse, so both stores fail alike. */
export function assertIntegerDelta(by: number): void {
  if (!Number.isSafeInteger(by)) throw invalid(`incrBy needs a safe integer, got ${by}`);
}

/** Scores may be infinite (useful as range bounds) but never NaN. */
export function assertScore(score: number, name = 'score'): void {
  if (Number.isNaN(score)) throw invalid(`${name} must be a number, got NaN`);
}

export function assertLimit(limit: number | undefined): void {
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0)) {
    throw invalid(`limit must be a non-negative integer, got ${limit}`);
  }
}
