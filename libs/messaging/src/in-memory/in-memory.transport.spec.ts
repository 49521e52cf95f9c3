import { defineTopic } from '@sift/contracts';
import { z } from 'zod';
import { consumeTopics } from '../consumer/consume-topics';
import { topicRoute } from '../consumer/topic-route';
import { TypedPublisher } from '../publisher/typed-publisher';
import { partitionForKey } from '../transport/key-partitioner.util';
import { InMemoryTransport } from './in-memory.transport';
import { waitUntil } from '@sift/testing';

const quiet = { debug: () => undefined, log: () => undefined, warn: () => undefined, error: () => undefined };
import { RawMessage } from '../transport/transport.types';
import { setTimeout as sleep } from 'node:timers/promises';

describe('InMemoryTransport', () => {
  it('redelivers a message whose handler rejected, without skipping ahead', async () => {
    const transport = new InMemoryTransport();
    const seen: string[] = [];
    let failures = 1;
    await transport.subscribe({ groupId: 'g', topics: ['sift.t.v1'] }, async (m: RawMessage) => {
      const value = m.value?.toString() ?? '';
      if (value === 'a' && failures-- > 0) throw new Error('transient');
      seen.push(value);
    });
    await transport.send('sift.t.v1', [
      { key: 'k', value: 'a' },
      { key: 'k', value: 'b' },
    ]);
    await waitUntil('two messages', () => seen.length >= 2);
    expect(seen).toEqual(['a', 'b']);
    await transport.close();
  });

  it('resumes a group from its committed offset after all members left', async () => {
    const transport = new InMemoryTransport();
    const first: string[] = [];
    const consumer = await transport.subscribe({ groupId: 'g', topics: ['sift.t.v1'] }, async (m) => {
      first.push(m.value?.toString() ?? '');
    });
    await transport.send('sift.t.v1', [{ key: 'k', value: '1' }]);
    await waitUntil('the first member to get a message', () => first.length >= 1);
    await consumer.stop();
    await transport.send('sift.t.v1', [{ key: 'k', value: '2' }]);
    const second: string[] = [];
    await transport.subscribe({ groupId: 'g', topics: ['sift.t.v1'] }, async (m) => {
      second.push(m.value?.toString() ?? '');
    });
    await waitUntil('the second member to get a message', () => second.length >= 1);
    expect(second).toEqual(['2']);
    await transport.close();
  });

  it('never lets two members work on one partition when members leave at the same time', async () => {
    const transport = new InMemoryTransport();
    await transport.ensureTopics([{ topic: 'sift.t.v1', partitions: 6 }]);
    const busy = new Map<number, string>();
    const overlaps: string[] = [];
    let handled = 0;
    const member = (name: string) =>
      transport.subscribe({ groupId: 'g', topics: ['sift.t.v1'] }, async (m) => {
        const other = busy.get(m.partition);
        if (other) overlaps.push(`${name} and ${other} on partition ${m.partition}`);
        busy.set(m.partition, name);
        await sleep(20);
        busy.delete(m.partition);
        handled += 1;
      });
    const [a, b] = await Promise.all([member('a'), member('b'), member('c')]);
    const messages = Array.from({ length: 60 }, (_, i) => ({ key: `k${i}`, value: String(i) }));
    await transport.send('sift.t.v1', messages);
    await sleep(30);
    await Promise.all([a.stop(), b.stop()]);
    await waitUntil('60 handled messages', () => handled >= 60);
    expect(overlaps).toEqual([]);
    await transport.close();
  });

  it('lets a member join without waiting for a delivery that was only queued for a slot on a moved partition', async () => {
    const transport = new InMemoryTransport();
    const topic = defineTopic({
      topic: 'sift.queued.v1',
      key: z.string(),
      value: z.object({ key: z.string() }),
      keyedBy: 'key',
    });
    await transport.ensureTopics([{ topic: topic.topic, partitions: 2 }]);
    const keys = [0, 1].map((p) => {
      for (let i = 0; ; i += 1) if (partitionForKey(topic.topic, `k${i}`, 2) === p) return `k${i}`;
    });
    const started: string[] = [];
    const member = (slowMs: number) =>
      consumeTopics(transport, {
        groupId: 'queued',
        concurrency: 1,
        logger: quiet,
        deadLetters: { send: async () => undefined },
        routes: [
          topicRoute(topic, async ({ key }) => {
            started.push(key);
            if (key === keys[0]) await sleep(slowMs); // partition 0: slow, and it stays with the first member
          }),
        ],
      });
    const first = await member(3_000);
    const publisher = new TypedPublisher(transport);
    await publisher.publish(topic, keys[0], { key: keys[0] });
    await waitUntil('the slow handler to start', () => started.includes(keys[0]));
    await publisher.publish(topic, keys[1], { key: keys[1] }); // waits for the one slot
    await sleep(50);
    const joining = Date.now();
    const second = await member(0); // partition 1 moves to the second member
    const joinMs = Date.now() - joining;
    await Promise.all([first.stop(), second.stop()]);
    expect(joinMs).toBeLessThan(1_000);
    expect(started.filter((key) => key === keys[1])).toHaveLength(1);
  });
});
