import { KafkaJSNonRetriableError, KafkaJSProtocolError } from 'kafkajs';
import { z } from 'zod';
import { errorCode, failureKind, isRetriable } from './error-classification.util';
import { SiftError } from './sift.error';

class StoreDown extends SiftError {
  constructor(message: string) {
    super('STATE_UNAVAILABLE', message, { retriable: true });
  }
}

/** What kafkajs throws for a broker's error code (as its own `createErrorFromCode` builds it). */
function protocolError(type: string, code: number, retriable: boolean): KafkaJSProtocolError {
  return new KafkaJSProtocolError(Object.assign(new Error(type), { type, code, retriable }));
}

describe('error classification', () => {
  it('trusts errors that say whether a retry helps', () => {
    expect(isRetriable(SiftError.retriable('RATE_LIMITED', '429'))).toBe(true);
    expect(isRetriable(SiftError.fatal('BAD_RECORDING', 'no snapshot'))).toBe(false);
    expect(failureKind(new StoreDown('redis unreachable'))).toBe('transient');
    expect(errorCode(new StoreDown('redis unreachable'))).toBe('STATE_UNAVAILABLE');
    expect(new StoreDown('x').name).toBe('StoreDown');
  });

  it("honours kafkajs' boolean retriable although its code is a number", () => {
    // The broker's answer to a dead letter that is too big: no retry will ever make it fit.
    const tooLarge = protocolError('MESSAGE_TOO_LARGE', 10, false);
    expect(failureKind(tooLarge)).toBe('fatal');
    expect(errorCode(tooLarge)).toBe('MESSAGE_TOO_LARGE');
    expect(failureKind(new KafkaJSNonRetriableError('closed'))).toBe('fatal');
    const notLeader = protocolError('NOT_LEADER_FOR_PARTITION', 6, true);
    expect(failureKind(notLeader)).toBe('transient');
  });

  it('treats bad data and programming errors as fatal, anything that says nothing as unknown', () => {
    expect(isRetriable(z.string().safeParse(1).error)).toBe(false);
    expect(isRetriable(new TypeError('x is undefined'))).toBe(false);
    expect(failureKind(new Error('ECONNRESET'))).toBe('unknown');
    expect(isRetriable(new Error('ECONNRESET'))).toBe(true);
    expect(errorCode(new Error('ECONNRESET'))).toBe('HANDLER_FAILED');
    expect(errorCode(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('ENOENT');
    expect(errorCode(Object.assign(new Error('x'), { code: 'not a code' }))).toBe('HANDLER_FAILED');
  });
});
