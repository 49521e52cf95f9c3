import { InMemoryTransport } from './in-memory.transport';
import { RawMessage } from '../transport/transport.types';
import { setTimeout as sleep } from 'node:timers/promises';

describe('InMemoryTransport', () => {
  it('redelivers a message whose handler rejected, without skipping ahead', async () => {
    const transport = new InMemoryTransport();
    const seen: string[] = [];
    let failures = 1;
    await transport.subscribe(
      { groupId: 'g', topics: ['sift.t.v1'], concurrency: 1 },
      async (m: RawMessage) => {
        const value = m.value?.toString() ?? '';
        if (value === 'a' && failures-- > 0) throw new Error('transient');
        seen.push(value);
      },
    );
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
    const consumer = await transport.subscribe(
      { groupId: 'g', topics: ['sift.t.v1'], concurrency: 2 },
      async (m) => {
        first.push(m.value?.toString() ?? '');
      },
    );
    await transport.send('sift.t.v1', [{ key: 'k', value: '1' }]);
    while (first.length < 1) await sleep(5);
    await consumer.stop();
    await transport.send('sift.t.v1', [{ key: 'k', value: '2' }]);
    const second: string[] = [];
    await transport.subscribe({ groupId: 'g', topics: ['sift.t.v1'], concurrency: 2 }, async (m) => {
      second.push(m.value?.toString() ?? '');
    });
    while (second.length < 1) await sleep(5);
    expect(second).toEqual(['2']);
    await transport.close();
  });
});
