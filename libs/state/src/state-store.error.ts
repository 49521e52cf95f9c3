import { SiftError } from '@sift/errors';

/** Stable, machine-readable reasons a state store operation failed. */
export type StateStoreErrorCode =
  /** The backend could not be reached or timed out; trying again may work. */
  | 'STATE_UNAVAILABLE'
  /** The backend rejected the command for a reason a retry will not fix. */
  | 'STATE_COMMAND_FAILED'
  /** The key holds another kind of value (e.g. `incrBy` on a set). */
  | 'STATE_WRONG_TYPE'
  /** A caller passed an argument no backend would accept (bad TTL, non-integer increment, ...). */
  | 'STATE_INVALID_ARGUMENT'
  /** The stored bytes are not the JSON `getJson` expects. */
  | 'STATE_DECODE_FAILED'
  /** The stored JSON does not match the schema passed to `getJson`. */
  | 'STATE_SCHEMA_MISMATCH'
  /** The store was closed. */
  | 'STATE_CLOSED';

export interface StateStoreErrorOptions {
  /** Whether the same call may succeed later; defaults to true only for `STATE_UNAVAILABLE`. */
  retriable?: boolean;
  cause?: unknown;
}

/**
 * The error every state store rejects with, whatever the backend: a {@link SiftError}, so consumers can
 * decide between redelivery and the DLQ.
 */
export class StateStoreError extends SiftError {
  declare readonly code: StateStoreErrorCode;

  constructor(code: StateStoreErrorCode, message: string, options: StateStoreErrorOptions = {}) {
    super(code, message, {
      retriable: options.retriable ?? code === 'STATE_UNAVAILABLE',
      cause: options.cause,
    });
  }
}
