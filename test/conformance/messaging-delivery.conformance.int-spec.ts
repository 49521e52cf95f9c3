import { SiftError } from '@sift/errors';
import {
  ConsumerHandle,
  consumeTopics,
  DeadLetterSink,
  MessageTransport,
  partitionForKey,
  topicRoute,
  TypedPublisher,
} from '@sift/messaging';
import { KafkaJSProtocolError } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  inMemoryTransportUnderTest,
  kafkaMockTransportUnderTest,
  quietLogger,
  TransportUnderTest,
} from '../support/transport-under-test';
import { freshTopic as freshTestTopic, TestTopic, TestValue as Value } from '../support/test-topic.util';
import { waitUntil } from '@sift/testing';

const freshTopic = (): TestTopic => freshTestTopic('delivery');

jest.setTimeout(90_000);

const noDeadLetters: DeadLetterSink = { send: async () => undefined };

/** One key per partition of a topic with `partitions` partitions, in partition order. */
function keyPerPartition(topic: string, partitions: number): string[] {
  const keys = new Map<number, string>();
  for (let i = 0; keys.size < partitions; i += 1) {
    const partition = partitionForKey(topic, `k${i}`, partitions);
    if (!keys.has(partition)) keys.set(partition, `k${i}`);
  }
  return Array.from({ length: partitions }, (_, partition) => keys.get(partition) ?? '');
}

describe.each([inMemoryTransportUnderTest(), kafkaMockTransportUnderTest()])(
  'message delivery conformance: $name',
  (under: TransportUnderTest) => {
    const transports: MessageTransport[] = [];
    const consumers: ConsumerHandle[] = [];
    const connect = (): MessageTransport => {
      const transport = under.connect();
      transports.push(transport);
      return transport;
    };
    const join = async (
      transport: MessageTransport,
      groupId: string,
      topic: TestTopic,
      handle: (value: Value, signal: AbortSignal) => Promise<void>,
      options: { concurrency?: number; deadLetters?: DeadLetterSink; startAt?: 'earliest' | 'latest' } = {},
    ): Promise<ConsumerHandle> => {
      const consumer = await consumeTopics(transport, {
        groupId,
        concurrency: options.concurrency ?? 4,
        policy: { maxAttempts: 3, initialDelayMs: 20, maxDelayMs: 100, retryBudgetMs: 0 },
        logger: quietLogger,
        deadLetters: options.deadLetters ?? noDeadLetters,
        startAt: options.startAt ? { [topic.topic]: options.startAt } : undefined,
        routes: [topicRoute(topic, (value, _message, controls) => handle(value, controls.signal))],
      });
      consumers.push(consumer);
      return consumer;
    };

    beforeAll(() => under.start());
    afterEach(async () => {
      await Promise.all(consumers.splice(0).map((c) => c.stop()));
      await Promise.all(transports.splice(0).map((t) => t.close()));
    });
    afterAll(() => under.stop());

    it('a slow partition does not delay another', async () => {
      const topic = freshTopic();
      await under.createTopic(topic.topic, 6);
      const keys = keyPerPartition(topic.topic, 6);
      const [slowKey, ...otherKeys] = keys;
      const handledAt = new Map<string, number>();
      let slowStarted = false;
      await join(connect(), 'slow', topic, async ({ key }) => {
        if (key === slowKey) {
          slowStarted = true;
          await sleep(6_000);
        }
        handledAt.set(key, Date.now());
      });
      const publisher = new TypedPublisher(connect());
      await publisher.publish(topic, slowKey, { key: slowKey, seq: 0 });
      await waitUntil('the slow handler to start', () => slowStarted);

      const sentAt = Date.now();
      await publisher.publishAll(
        topic,
        otherKeys.map((key) => ({ key, value: { key, seq: 1 } })),
      );
      await waitUntil('a message on every other partition', () => otherKeys.every((k) => handledAt.has(k)));
      const delays = otherKeys.map((key) => (handledAt.get(key) ?? Infinity) - sentAt);
      expect(Math.max(...delays)).toBeLessThan(2_000);
      expect(handledAt.has(slowKey)).toBe(false);
      await waitUntil('the slow message', () => handledAt.has(slowKey), 15_000);
    });

    it('a message waiting for its retry does not hold a concurrency slot', async () => {
      const topic = freshTopic();
      await under.createTopic(topic.topic, 2);
      const [failingKey, otherKey] = keyPerPartition(topic.topic, 2);
      const done = new Map<string, number>();
      let failures = 0;
      const consumer = await consumeTopics(connect(), {
        groupId: 'retry-slot',
        concurrency: 1,
        policy: { maxAttempts: 3, initialDelayMs: 3_000, maxDelayMs: 3_000, retryBudgetMs: 0 },
        logger: quietLogger,
        deadLetters: noDeadLetters,
        routes: [
          topicRoute(topic, async ({ key }) => {
            if (key === failingKey && failures++ === 0) throw SiftError.retriable('MODEL_UNAVAILABLE', '503');
            done.set(key, Date.now());
          }),
        ],
      });
      consumers.push(consumer);
      const publisher = new TypedPublisher(connect());
      await publisher.publish(topic, failingKey, { key: failingKey, seq: 0 });
      await waitUntil('the first attempt to fail', () => failures === 1);
      const sentAt = Date.now();
      await publisher.publish(topic, otherKey, { key: otherKey, seq: 0 });
      await waitUntil('the other partition', () => done.has(otherKey));
      expect((done.get(otherKey) ?? Infinity) - sentAt).toBeLessThan(2_000);
      expect(done.has(failingKey)).toBe(false);
      await waitUntil('the retried message', () => done.has(failingKey), 10_000);
    });

    it('keeps consuming when the broker refuses a dead letter for good', async () => {
      const topic = freshTopic();
      await under.createTopic(topic.topic, 1);
      const refused: string[] = [];
      const tooLarge = new KafkaJSProtocolError(
        Object.assign(new Error('message too large'), {
          type: 'MESSAGE_TOO_LARGE',
          code: 10,
          retriable: false,
        }),
      );
      const handled: number[] = [];
      const consumer = await join(
        connect(),
        'refused-letter',
        topic,
        async ({ seq }) => {
          if (seq === 0) throw SiftError.fatal('BAD_INPUT', 'poison');
          handled.push(seq);
        },
        {
          deadLetters: {
            send: async (letter) => {
              refused.push(letter.code);
              throw tooLarge;
            },
          },
        },
      );
      const publisher = new TypedPublisher(connect());
      await publisher.publishAll(
        topic,
        [0, 1, 2].map((seq) => ({ key: 'k', value: { key: 'k', seq } })),
      );
      await waitUntil('the messages after the poison', () => handled.length === 2);
      expect(refused).toEqual(['BAD_INPUT']);
      expect(consumer.health()).toMatchObject({ healthy: true });
    });

    it("fires a handler's signal when its partition moves to another member, who delivers it again", async () => {
      const topic = freshTopic();
      await under.createTopic(topic.topic, 2);
      const keys = keyPerPartition(topic.topic, 2);
      const aborted: string[] = [];
      const handledByB: string[] = [];
      const first = await join(connect(), 'revoke', topic, async ({ key }, signal) => {
        // Holds its message until the partition is taken away.
        await new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => resolve(), { once: true }),
        );
        aborted.push(key);
        throw signal.reason;
      });
      await waitUntil('the first member to own both partitions', () => first.assignment().length === 2);
      const publisher = new TypedPublisher(connect());
      await publisher.publishAll(
        topic,
        keys.map((key) => ({ key, value: { key, seq: 0 } })),
      );
      await sleep(500);
      const second = await join(connect(), 'revoke', topic, async ({ key }) => void handledByB.push(key));
      await waitUntil('a partition to move', () => aborted.length === 1 && handledByB.length === 1, 30_000);
      expect(handledByB).toEqual(aborted);
      expect(second.assignment()).toHaveLength(1);
    });

    it('starts a new group at the end of the input topic when asked to, never replaying old messages', async () => {
      const topic = freshTopic();
      await under.createTopic(topic.topic, 1);
      const publisher = new TypedPublisher(connect());
      await publisher.publish(topic, 'k', { key: 'k', seq: 0 });
      const late: number[] = [];
      const early: number[] = [];
      await join(connect(), 'latest', topic, async ({ seq }) => void late.push(seq), { startAt: 'latest' });
      await join(connect(), 'earliest', topic, async ({ seq }) => void early.push(seq));
      // A consumer that starts at the end may resolve "the end" a moment after it joined: keep publishing.
      for (let seq = 1; late.length === 0; seq += 1) {
        await publisher.publish(topic, 'k', { key: 'k', seq });
        await sleep(200);
        if (seq > 100) throw new Error('the latest-starting group never received a new message');
      }
      expect(late).not.toContain(0);
      await waitUntil('the earliest-starting group to read the old message', () => early.includes(0));
    });
    it('tells how far a group has read the partition of a key', async () => {
      const topic = freshTopic();
      await under.createTopic(topic.topic, 3);
      const transport = connect();
      const publisher = new TypedPublisher(connect());
      const before = await transport.progress('progress', topic.topic, 'r1');
      expect(before).toMatchObject({ topic: topic.topic, endOffset: 0, committedOffset: 0 });
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const handled: number[] = [];
      await join(transport, 'progress', topic, async ({ seq }) => {
        if (seq === 2) await held;
        handled.push(seq);
      });
      await publisher.publishAll(
        topic,
        [0, 1, 2].map((seq) => ({ key: 'r1', value: { key: 'r1', seq } })),
      );
      await waitUntil('two handled messages', () => handled.length === 2);
      // Commits follow the handlers closely but not at once: look again for a few seconds.
      let progress = await transport.progress('progress', topic.topic, 'r1');
      for (let look = 0; look < 100 && progress.committedOffset < 2; look += 1) {
        await sleep(50);
        progress = await transport.progress('progress', topic.topic, 'r1');
      }
      expect(progress).toMatchObject({ partition: before.partition, endOffset: 3, committedOffset: 2 });
      release();
      await waitUntil('the third message', () => handled.length === 3);
    });

    it('a group starting at the end loses nothing when a rebalance comes before its first commit', async () => {
      const topic = freshTopic();
      await under.createTopic(topic.topic, 2);
      const keys = keyPerPartition(topic.topic, 2);
      const handled = new Set<string>();
      let released = false;
      const member = (hold: boolean) =>
        consumeTopics(connect(), {
          groupId: 'latest-rebalance',
          concurrency: 4,
          policy: { maxAttempts: 3, initialDelayMs: 20, maxDelayMs: 100, retryBudgetMs: 0 },
          logger: quietLogger,
          deadLetters: { send: async () => undefined },
          startAt: { [topic.topic]: 'latest' },
          routes: [
            topicRoute(topic, async ({ key, seq }: Value, _m, { signal }) => {
              // A slow first message (a model call): it finishes when released or when revoked.
              while (hold && seq === 0 && !released && !signal.aborted) await sleep(20);
              handled.add(`${key}:${seq}`);
            }),
          ],
        });
      const a = await member(true);
      consumers.push(a);
      await waitUntil('A to own both partitions', () => a.assignment().length === 2, 30_000);
      await sleep(1_500); // kafkajs resolves "latest" on its first fetch after the join

      const publisher = new TypedPublisher(connect());
      const publish = (seq: number) =>
        publisher.publishAll(
          topic,
          keys.map((key) => ({ key, value: { key, seq } })),
        );
      await publish(0);
      await sleep(1_000); // A has fetched seq 0 on both partitions and is busy with it
      for (const seq of [1, 2, 3]) await publish(seq);

      const b = await member(false); // a member joins while A's handlers run
      consumers.push(b);
      await waitUntil('the rebalance to give B a partition', () => b.assignment().length === 1, 30_000);
      released = true;
      await sleep(1_000);
      await publish(4);

      const expected = keys.flatMap((key) => [0, 1, 2, 3, 4].map((seq) => `${key}:${seq}`));
      await waitUntil('seq 4 on both partitions', () => keys.every((k) => handled.has(`${k}:4`)), 30_000);
      await sleep(3_000);
      const missing = expected.filter((id) => !handled.has(id));
      expect(missing).toEqual([]);
    });
  },
);
