import { ZodError } from 'zod';

/** Any error that says for itself whether a retry can help (SiftError, the state store's errors, ...). */
interface SelfDescribingError {
  readonly code: string;
  readonly retriable: boolean;
}

function isSelfDescribing(error: unknown): error is SelfDescribingError {
  return (
    error instanceof Error &&
    typeof (error as Partial<SelfDescribingError>).retriable === 'boolean' &&
    typeof (error as Partial<SelfDescribingError>).code === 'string'
  );
}

/**
 * Unknown errors count as retriable: most surprises in a consumer are transient (network, broker, store).
 * Errors that cannot change on a second try — bad data, bad code paths — are not.
 */
export function isRetriable(error: unknown): boolean {
  if (isSelfDescribing(error)) return error.retriable;
  if (error instanceof ZodError || error instanceof SyntaxError || error instanceof TypeError) return false;
  if (error instanceof RangeError) return false;
  return true;
}

export function errorCode(error: unknown): string {
  if (isSelfDescribing(error)) return error.code;
  if (error instanceof ZodError) return 'INVALID_DATA';
  return 'HANDLER_FAILED';
}

/** The message of anything thrown. Duck-typed: Node core errors can come from another realm (jest's vm). */
export function errorMessage(error: unknown): string {
  const message =
    typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(error);
}
