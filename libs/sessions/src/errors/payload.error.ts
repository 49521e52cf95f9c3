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
 * A session payload could not be loaded. Shaped like the messaging lib's `SiftError` (`code`,
 * `retriable`, `cause`) so consumers can choose between redelivery and skipping the session.
 */
export class PayloadError extends Error {
  readonly code: PayloadErrorCode;
  readonly retriable: boolean;
  /** The uri that failed, or `inline`. */
  readonly uri: string;

  constructor(code: PayloadErrorCode, uri: string, message: string, options: PayloadErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'PayloadError';
    this.code = code;
    this.uri = uri;
    this.retriable = options.retriable ?? false;
  }
}
