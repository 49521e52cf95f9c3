export interface SiftErrorOptions {
  /** Whether trying the same work again may succeed (a timeout, a 429, a lost connection). */
  retriable: boolean;
  cause?: unknown;
}

/**
 * The one error base of Sift: every error a lib throws on purpose is a `SiftError` or derives from it.
 * `code` is stable and machine-readable; `retriable` decides between redelivery with backoff and the
 * dead-letter topic.
 */
export class SiftError extends Error {
  readonly code: string;
  readonly retriable: boolean;

  constructor(code: string, message: string, options: SiftErrorOptions) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retriable = options.retriable;
  }

  static retriable(code: string, message: string, cause?: unknown): SiftError {
    return new SiftError(code, message, { retriable: true, cause });
  }

  static fatal(code: string, message: string, cause?: unknown): SiftError {
    return new SiftError(code, message, { retriable: false, cause });
  }
}
