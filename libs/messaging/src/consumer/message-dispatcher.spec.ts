import { defineTopic } from '@sift/contracts';
import { z } from 'zod';
import { SiftError } from '@sift/errors';
import { RawMessage } from '../transport/transport.types';
import { FailedDelivery } from './dead-letter.types';
import { NO_OBSERVER } from './consumer-observer.types';
import { MessageDispatcher } from './message-dispatcher';
import { topicRoute } from './topic-route';

const topic = defineTopic({
  topic: 'sift.dispatch.v1',
  key: z.string(),
  value: z.object({ n: z.number() }),
  keyedBy: 'n',
});
const quiet = { debug: () => undefined, log: () => undefined, warn: () => undefined, error: () => undefined };
const message: RawMessage = {
  topic: topic.topic,
  partition: 0,
  offset: '7',
  key: Buffer.from('k'),
  value: Buffer.from('{"n":1}'),
  headers: {},
  timestamp: '0',
};
const controls = { signal: new AbortController().signal };

function dispatcher(handle: () => Promise<void>, send: (letter: FailedDelivery) => Promise<void>) {
  return new MessageDispatcher({
    consumerGroup: 'g',
    routes: [topicRoute(topic, handle)],
    deadLetters: { send },
    policy: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1, retryBudgetMs: 0 },
    concurrency: 1,
    observer: NO_OBSERVER,
    logger: quiet,
  });
}

describe('MessageDispatcher', () => {
  it('gives a dead letter a reason even when the error had no message', async () => {
    const letters: FailedDelivery[] = [];
    await dispatcher(
      async () => {
        throw new TypeError();
      },
      async (letter) => void letters.push(letter),
    ).dispatch(message, controls);
    expect(letters).toEqual([expect.objectContaining({ code: 'HANDLER_FAILED', reason: 'HANDLER_FAILED' })]);
  });

  it('waits out a DLQ that is down without running the handler or its rejection answer again', async () => {
    let handlerRuns = 0;
    let rejections = 0;
    let dlqTries = 0;
    const route = {
      ...topicRoute(topic, async () => {
        handlerRuns += 1;
        throw SiftError.fatal('BAD_INPUT', 'poison');
      }),
      rejected: async () => void (rejections += 1),
    };
    await new MessageDispatcher({
      consumerGroup: 'g',
      routes: [route],
      deadLetters: {
        send: async () => {
          dlqTries += 1;
          if (dlqTries < 3) throw SiftError.retriable('BROKER_DOWN', 'no broker');
        },
      },
      policy: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 5, retryBudgetMs: 0 },
      observer: NO_OBSERVER,
      logger: quiet,
      concurrency: 1,
    }).dispatch(message, controls);
    expect({ handlerRuns, rejections, dlqTries }).toEqual({ handlerRuns: 1, rejections: 1, dlqTries: 3 });
  });

  it('never blocks on a letter the DLQ refuses for good', async () => {
    const refusing = dispatcher(
      async () => {
        throw SiftError.fatal('BAD', 'bad');
      },
      async () => {
        throw SiftError.fatal('INVALID_OUTGOING_MESSAGE', 'too big');
      },
    );
    await expect(refusing.dispatch(message, controls)).resolves.toBeUndefined();
  });

  it('keeps retrying a failure that declares itself transient for the retry budget, an unknown one only maxAttempts times', async () => {
    const policy = { maxAttempts: 2, initialDelayMs: 5, maxDelayMs: 20, retryBudgetMs: 400 };
    const run = async (error: () => Error): Promise<{ attempts: number; letters: FailedDelivery[] }> => {
      let attempts = 0;
      const letters: FailedDelivery[] = [];
      const dispatch = new MessageDispatcher({
        consumerGroup: 'g',
        routes: [
          topicRoute(topic, async () => {
            attempts += 1;
            throw error();
          }),
        ],
        deadLetters: { send: async (letter) => void letters.push(letter) },
        policy,
        observer: NO_OBSERVER,
        logger: quiet,
        concurrency: 1,
      }).dispatch;
      await dispatch(message, controls);
      return { attempts, letters };
    };
    const transient = await run(() => SiftError.retriable('STATE_UNAVAILABLE', 'redis failover'));
    expect(transient.attempts).toBeGreaterThan(5);
    expect(transient.letters[0]).toMatchObject({ code: 'STATE_UNAVAILABLE', attempts: transient.attempts });
    const unknown = await run(() => new Error('something odd'));
    expect(unknown.attempts).toBe(2);
    expect(unknown.letters[0].reason).toBe('gave up after 2 attempts: something odd');
  });

  it('stops retrying and leaves the message undelivered when its partition is revoked', async () => {
    const revoke = new AbortController();
    const letters: FailedDelivery[] = [];
    const dispatch = new MessageDispatcher({
      consumerGroup: 'g',
      routes: [
        topicRoute(topic, async () => {
          throw SiftError.retriable('MODEL_UNAVAILABLE', '503');
        }),
      ],
      deadLetters: { send: async (letter) => void letters.push(letter) },
      policy: { maxAttempts: 5, initialDelayMs: 10_000, maxDelayMs: 10_000, retryBudgetMs: 0 },
      observer: NO_OBSERVER,
      logger: quiet,
      concurrency: 1,
    }).dispatch;
    const started = Date.now();
    const delivery = dispatch(message, { signal: revoke.signal });
    setTimeout(() => revoke.abort(new Error('revoked')), 50);
    await expect(delivery).rejects.toThrow('revoked');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(letters).toEqual([]);
  });
});
