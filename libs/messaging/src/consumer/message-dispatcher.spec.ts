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
const controls = { heartbeat: async () => undefined };

function dispatcher(handle: () => Promise<void>, send: (letter: FailedDelivery) => Promise<void>) {
  return new MessageDispatcher({
    consumerGroup: 'g',
    routes: [topicRoute(topic, handle)],
    deadLetters: { send },
    policy: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 },
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

  it('redelivers when the DLQ is unreachable, but never blocks on a letter the DLQ refuses for good', async () => {
    const failing = async () => {
      throw SiftError.fatal('BAD', 'bad');
    };
    const unreachable = dispatcher(failing, async () => {
      throw SiftError.retriable('BROKER_DOWN', 'no broker');
    });
    await expect(unreachable.dispatch(message, controls)).rejects.toThrow('no broker');
    const refusing = dispatcher(failing, async () => {
      throw SiftError.fatal('INVALID_OUTGOING_MESSAGE', 'too big');
    });
    await expect(refusing.dispatch(message, controls)).resolves.toBeUndefined();
  });
});
