import { SiftError } from '@sift/errors';

/** Stable, machine-readable reasons a session payload cannot be loaded. */
export type PayloadErrorCode =
  /** The reference is neither an inline array nor a file://, http(s):// or redis:// uri. */
  | 'PAYLOAD_URI_INVALID'
  /** No file, store key or HTTP resource at the uri. */
  | 'PAYLOAD_NOT_FOUND'
  /** The file exists but cannot be read (permissions, a directory, ...). */
  | 'PAYLOAD_UNREADABLE'
  /** The server answered with a non-2xx status. */
  | 'PAYLOAD_HTTP_STATUS'
  /** The server or the network did not answer (refused, reset, timed out). */
  | 'PAYLOAD_NETWORK'
  /** The state store is unreachable or failed. */
  | 'PAYLOAD_STORE'
  /** The bytes look gzipped but do not decompress. */
  | 'PAYLOAD_DECOMPRESS'
  /** The content is neither JSON nor JSONL. */
  | 'PAYLOAD_NOT_JSON';

/** Options of a {@link PayloadError}. */
export interface PayloadErrorOptions {
  /** Whether loading the same uri later may succeed; true only when a network or store was unavailable. */
  retriable?: boolean;
  cause?: unknown;
}

/**
 * A session payload could not be loaded; retriable only when a network or the store was unavailable, so
 * consumers can choose between redelivery and failing the session.
 */
export class PayloadError extends SiftError {
  declare readonly code: PayloadErrorCode;
  /** The uri that failed, or `inline`. */
  readonly uri: string;

  constructor(code: PayloadErrorCode, uri: string, message: string, options: PayloadErrorOptions = {}) {
    super(code, message, { retriable: options.retriable ?? false, cause: options.cause });
    this.uri = uri;
  }
}
