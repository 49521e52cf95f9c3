import { z } from 'zod';
import { errorCode, isRetriable } from './error-classification.util';
import { SiftError } from './sift.error';

class StoreDown extends Error {
  readonly code = 'STATE_UNAVAILABLE';
  readonly retriable = true;
}

describe('error classification', () => {
  it('trusts errors that say whether a retry helps', () => {
    expect(isRetriable(SiftError.retriable('RATE_LIMITED', '429'))).toBe(true);
    expect(isRetriable(SiftError.fatal('BAD_RECORDING', 'no snapshot'))).toBe(false);
    expect(isRetriable(new StoreDown('redis unreachable'))).toBe(true);
    expect(errorCode(new StoreDown('redis unreachable'))).toBe('STATE_UNAVAILABLE');
  });

  it('treats bad data and programming errors as final, anything else as transient', () => {
    expect(isRetriable(z.string().safeParse(1).error)).toBe(false);
    expect(isRetriable(new TypeError('x is undefined'))).toBe(false);
    expect(isRetriable(new Error('ECONNRESET'))).toBe(true);
    expect(errorCode(new Error('ECONNRESET'))).toBe('HANDLER_FAILED');
  });
});
