import { ZodError } from 'zod';

/**
 * How a failure should be treated: `fatal` never succeeds on a second try (bad data, a bug), `transient`
 * said so itself (a store failover, a 429, a broker that is down) and is worth waiting for, `unknown`
 * said nothing and gets a few quick tries.
 */
export type FailureKind = 'fatal' | 'transient' | 'unknown';

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

/**
 * Any error carrying a boolean `retriable` is believed, whatever else it carries: Sift's own errors and
 * kafkajs' (whose `code` is numeric). Bad data and programming errors are fatal; anything else is unknown.
 */
export function failureKind(error: unknown): FailureKind {
  const retriable = field(error, 'retriable');
  if (typeof retriable === 'boolean') return retriable ? 'transient' : 'fatal';
  if (error instanceof ZodError || error instanceof SyntaxError || error instanceof TypeError) return 'fatal';
  if (error instanceof RangeError) return 'fatal';
  return 'unknown';
}

/** Unknown errors count as retriable: most surprises in a consumer are passing (network, broker, store). */
export function isRetriable(error: unknown): boolean {
  return failureKind(error) !== 'fatal';
}

const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * The stable code of an error: its own string `code`, kafkajs' protocol `type` (e.g. `MESSAGE_TOO_LARGE`),
 * `INVALID_DATA` for a zod error, else `HANDLER_FAILED`.
 */
export function errorCode(error: unknown): string {
  const code = field(error, 'code');
  if (typeof code === 'string' && ERROR_CODE.test(code)) return code;
  const type = field(error, 'type');
  if (typeof type === 'string' && ERROR_CODE.test(type)) return type;
  if (error instanceof ZodError) return 'INVALID_DATA';
  return 'HANDLER_FAILED';
}

/** The message of anything thrown. Duck-typed: Node core errors can come from another realm (jest's vm). */
export function errorMessage(error: unknown): string {
  const message = field(error, 'message');
  return typeof message === 'string' ? message : String(error);
}

/** The `cause` of an error, if it has one. */
export function errorCause(error: unknown): unknown {
  return field(error, 'cause');
}

/** True for a Node.js system error with the given `code` (ENOENT, EACCES, ...). */
export function hasErrnoCode(error: unknown, code: string): boolean {
  return field(error, 'code') === code;
}
