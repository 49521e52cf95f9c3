// Duck-typed rather than `instanceof Error`: errors from Node's core modules may come from another realm
// (jest runs tests in a vm context), where `instanceof Error` is false.
function fieldOf(error: unknown, field: string): unknown {
  return typeof error === 'object' && error !== null && field in error
    ? (error as Record<string, unknown>)[field]
    : undefined;
}

/** True for a Node.js filesystem error with the given `code` (ENOENT, EACCES, ...). */
export function hasErrnoCode(error: unknown, code: string): boolean {
  return fieldOf(error, 'code') === code;
}

/** The `cause` of an error, if it has one. */
export function errorCause(error: unknown): unknown {
  return fieldOf(error, 'cause');
}
