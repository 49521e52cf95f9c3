import { InMemoryTransport } from './in-memory.transport';
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
    while (seen.length < 2) await sleep(10);
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
    while (first.length < 1) await sleep(5);
    await consumer.stop();
    await transport.send('sift.t.v1', [{ key: 'k', value: '2' }]);
    const second: string[] = [];
    await transport.subscribe({ groupId: 'g', topics: ['sift.t.v1'] }, async (m) => {
      second.push(m.value?.toString() ?? '');
    });
    while (second.length < 1) await sleep(5);
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
    while (handled < 60) await sleep(10);
    expect(overlaps).toEqual([]);
    await transport.close();
  });
});
