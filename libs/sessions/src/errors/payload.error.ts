import { cappedText, SiftError } from '@sift/errors';

/** Stable, machine-readable reasons a session payload cannot be loaded. */
export type PayloadErrorCode =
  /** The reference is neither an inline array nor a file://, http(s):// or redis:// uri. */
  | 'PAYLOAD_URI_INVALID'
  /** The payload source policy forbids this source (outside the data root, host not allowed, ...). */
  | 'PAYLOAD_SOURCE_REFUSED'
  /** No file, store key or HTTP resource at the uri. */
  | 'PAYLOAD_NOT_FOUND'
  /** The file exists but cannot be read (permissions, ...). */
  | 'PAYLOAD_UNREADABLE'
  /** The raw or the decompressed payload is bigger than the policy allows. */
  | 'PAYLOAD_TOO_LARGE'
  /** The server answered with a non-2xx status. */
  | 'PAYLOAD_HTTP_STATUS'
  /** The server or the network did not answer (refused, reset, no response in time). */
  | 'PAYLOAD_NETWORK'
  /** The server answered but the body did not arrive within the time limit. */
  | 'PAYLOAD_TIMEOUT'
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

/** Reasons end up in reports and dead letters; none needs more than this. */
export const MAX_PAYLOAD_REASON_BYTES = 1024;

/**
 * A session payload could not be loaded; retriable only when a network or the store was unavailable, so
 * consumers can choose between redelivery and failing the session. Messages name the uri and the rule and
 * never quote payload bytes; they are capped at {@link MAX_PAYLOAD_REASON_BYTES}.
 */
export class PayloadError extends SiftError {
  declare readonly code: PayloadErrorCode;
  /** The uri that failed, or `inline`. */
  readonly uri: string;

  constructor(code: PayloadErrorCode, uri: string, message: string, options: PayloadErrorOptions = {}) {
    super(code, cappedText(message, MAX_PAYLOAD_REASON_BYTES), {
      retriable: options.retriable ?? false,
      cause: options.cause,
    });
    this.uri = uri;
  }
}
