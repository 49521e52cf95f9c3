import { DeadLetter, dlqTopic } from '@sift/contracts';
import {
  ConsumerHandle,
  consumeTopics,
  DeadLetterPublisher,
  MessageTransport,
  topicRoute,
  TypedPublisher,
} from '@sift/messaging';
import { SiftError } from '@sift/errors';
import {
  inMemoryTransportUnderTest,
  kafkaMockTransportUnderTest,
  quietLogger,
  TransportUnderTest,
} from '../support/transport-under-test';
import { freshTopic as freshTestTopic, TestTopic, TestValue as Value } from '../support/test-topic.util';
import { waitUntil } from '@sift/testing';

const freshTopic = (): TestTopic => freshTestTopic('conformance');

jest.setTimeout(90_000);

const FAST_RETRY = { maxAttempts: 3, initialDelayMs: 20, maxDelayMs: 100, retryBudgetMs: 0 };

describe.each([inMemoryTransportUnderTest(), kafkaMockTransportUnderTest()])(
  'messaging conformance: $name',
  (under: TransportUnderTest) => {
    const transports: MessageTransport[] = [];
    const consumers: ConsumerHandle[] = [];

    function connect(): { transport: MessageTransport; publisher: TypedPublisher } {
      const transport = under.connect();
      transports.push(transport);
      return { transport, publisher: new TypedPublisher(transport) };
    }

    async function join(
      transport: MessageTransport,
      groupId: string,
      topic: TestTopic,
      handle: (value: Value, partition: number) => Promise<void>,
      concurrency = 3,
    ): Promise<ConsumerHandle> {
      const consumer = await consumeTopics(transport, {
        groupId,
        concurrency,
        policy: FAST_RETRY,
        logger: quietLogger,
        deadLetters: new DeadLetterPublisher(new TypedPublisher(transport)),
        routes: [topicRoute(topic, (value, message) => handle(value, message.partition))],
      });
      consumers.push(consumer);
      return consumer;
    }

    beforeAll(() => under.start());
    afterEach(async () => {
      await Promise.all(consumers.splice(0).map((c) => c.stop()));
      await Promise.all(transports.splice(0).map((t) => t.close()));
    });
    afterAll(() => under.stop());

    it('keeps the order of messages with the same key', async () => {
      const topic = freshTopic();
      await under.createTopic(topic.topic, 6);
      const { transport, publisher } = connect();
      const seen = new Map<string, number[]>();
      await join(transport, 'ordering', topic, async ({ key, seq }) => {
        seen.set(key, [...(seen.get(key) ?? []), seq]);
      });
      const keys = Array.from({ length: 10 }, (_, i) => `session-${i}`);
      for (let seq = 0; seq < 20; seq += 1) {
        await publisher.publishAll(
          topic,
          keys.map((key) => ({ key, value: { key, seq } })),
        );
      }
      await waitUntil('200 messages', () => [...seen.values()].flat().length >= 200);
      for (const key of keys) expect(seen.get(key)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    });

    it('splits 6 partitions among a 3-member group, each message to one member', async () => {
      const topic = freshTopic();
      await under.createTopic(topic.topic, 6);
      const received = new Map<number, { member: number; partitions: Set<number> }>();
      const partitionsByMember = [new Set<number>(), new Set<number>(), new Set<number>()];
      const members = await Promise.all(
        [0, 1, 2].map((member) =>
          join(connect().transport, 'split', topic, async ({ seq }, partition) => {
            partitionsByMember[member].add(partition);
            received.set(seq, { member, partitions: partitionsByMember[member] });
          }),
        ),
      );
      await waitUntil('a settled 2/2/2 assignment', () => members.every((m) => m.assignment().length === 2));
      const owned = members.flatMap((m) => m.assignment().map((tp) => tp.partition));
      expect(new Set(owned).size).toBe(6);

      const { publisher } = connect();
      const messages = Array.from({ length: 120 }, (_, seq) => ({
        key: `k${seq}`,
        value: { key: `k${seq}`, seq },
      }));
      await publisher.publishAll(topic, messages);
      await waitUntil('120 messages', () => received.size === 120);

      partitionsByMember.forEach((partitions) => expect(partitions.size).toBe(2));
      const all = partitionsByMember.flatMap((partitions) => [...partitions]);
      expect(new Set(all).size).toBe(6);
    });

    it('reassigns the partitions of a member that leaves mid-stream and loses nothing', async () => {
      const topic = freshTopic();
      await under.createTopic(topic.topic, 6);
      const received = new Map<number, number>();
      const record = async ({ seq }: Value): Promise<void> => {
        received.set(seq, (received.get(seq) ?? 0) + 1);
      };
      const members = await Promise.all(
        [0, 1, 2].map(() => join(connect().transport, 'leave', topic, record)),
      );
      await waitUntil('a settled assignment', () => members.every((m) => m.assignment().length === 2));

      const { publisher } = connect();
      const total = 300;
      const publishing = (async () => {
        for (let seq = 0; seq < total; seq += 1) {
          await publisher.publish(topic, `k${seq}`, { key: `k${seq}`, seq });
          if (seq % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 10));
        }
      })();
      await waitUntil('a third of the stream', () => received.size >= total / 3);
      await members[1].stop();
      await publishing;

      await waitUntil(`all ${total} messages`, () => received.size === total, 60_000);
      await waitUntil('3/3 among the remaining members', () =>
        [members[0], members[2]].every((m) => m.assignment().length === 3),
      );
      expect([...received.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i));
    });

    it('retries a failing handler with backoff until it succeeds', async () => {
      const topic = freshTopic();
      await under.createTopic(topic.topic, 3);
      const { transport, publisher } = connect();
      const attempts = new Map<number, number>();
      const done: number[] = [];
      await join(transport, 'retry', topic, async ({ seq }) => {
        const attempt = (attempts.get(seq) ?? 0) + 1;
        attempts.set(seq, attempt);
        if (seq === 1 && attempt < 3) throw SiftError.retriable('MODEL_UNAVAILABLE', 'model answered 503');
        done.push(seq);
      });
      await publisher.publishAll(
        topic,
        [0, 1, 2].map((seq) => ({ key: 'same', value: { key: 'same', seq } })),
      );
      await waitUntil('3 messages handled', () => done.length === 3);
      expect(attempts.get(1)).toBe(3);
      expect(done).toEqual([0, 1, 2]);
    });

    it('sends poison messages to the DLQ with their reason and keeps consuming', async () => {
      const topic = freshTopic();
      await under.createTopic(topic.topic, 3);
      const { transport, publisher } = connect();
      const handled: number[] = [];
      await join(transport, 'poison', topic, async ({ seq }) => {
        if (seq === 100) throw SiftError.fatal('UNSUPPORTED_RECORDING', 'recording has no full snapshot');
        if (seq === 200) throw SiftError.retriable('MODEL_UNAVAILABLE', 'model keeps answering 503');
        handled.push(seq);
      });
      const dead: DeadLetter[] = [];
      await consumeTopics(connect().transport, {
        groupId: 'dlq-reader',
        concurrency: 1,
        logger: quietLogger,
        deadLetters: { send: async () => undefined },
        routes: [
          topicRoute(dlqTopic, async (letter) => {
            if (letter.sourceTopic === topic.topic) dead.push(letter);
          }),
        ],
      }).then((consumer) => consumers.push(consumer));

      const key = 'one-partition';
      await transport.send(topic.topic, [{ key, value: '{"key": "one-partition", "seq": ' }]);
      await transport.send(topic.topic, [{ key, value: JSON.stringify({ key, seq: 'seven' }) }]);
      await publisher.publish(topic, key, { key, seq: 100 });
      await publisher.publish(topic, key, { key, seq: 200 });
      await publisher.publishAll(
        topic,
        [1, 2, 3].map((seq) => ({ key, value: { key, seq } })),
      );

      await waitUntil('the messages after the poison', () => handled.length === 3);
      expect(handled).toEqual([1, 2, 3]);
      await waitUntil('4 dead letters', () => dead.length === 4);
      const byOffset = [...dead].sort((a, b) => Number(a.offset) - Number(b.offset));
      expect(byOffset.map((letter) => letter.errorCode)).toEqual([
        'INVALID_JSON',
        'SCHEMA_INVALID',
        'UNSUPPORTED_RECORDING',
        'MODEL_UNAVAILABLE',
      ]);
      expect(byOffset[0].reason).toMatch(/not valid JSON/);
      expect(byOffset[1].reason).toMatch(/seq/);
      expect(byOffset[2]).toMatchObject({ attempts: 1, reason: 'recording has no full snapshot' });
      expect(byOffset[3]).toMatchObject({
        attempts: 3,
        reason: expect.stringMatching(/gave up after 3 attempts/),
      });
      expect(Buffer.from(byOffset[0].valueBase64 ?? '', 'base64').toString()).toBe(
        '{"key": "one-partition", "seq": ',
      );
      const partitions = new Set(byOffset.map((letter) => letter.partition));
      expect(partitions.size).toBe(1);
      expect(byOffset.every((l) => l.sourceTopic === topic.topic && l.consumerGroup === 'poison')).toBe(true);
    });
  },
);
