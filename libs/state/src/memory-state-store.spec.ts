import { MemoryStateStore } from './memory-state-store';

// Behaviour shared with Redis lives in the conformance suite; these cover what only a fake clock can show.
describe('MemoryStateStore', () => {
  let now = 1_000_000;
  const clock = (): number => now;

  beforeEach(() => {
    now = 1_000_000;
  });

  it('expires keys exactly at their TTL', async () => {
    const store = new MemoryStateStore({ now: clock });
    await store.set('k', 'v', { ttlSeconds: 2 });
    await store.addToSet('s', 'm', { ttlSeconds: 2 });
    now += 1999;
    expect(await store.get('k')).toEqual(Buffer.from('v'));
    expect(await store.setSize('s')).toBe(1);
    now += 1;
    expect(await store.get('k')).toBeNull();
    expect(await store.setSize('s')).toBe(0);
  });

  it('refreshes a set TTL on every add, and lets a counter keep its TTL', async () => {
    const store = new MemoryStateStore({ now: clock });
    await store.addToSet('s', 'a', { ttlSeconds: 1 });
    await store.incrBy('c', 1, { ttlSeconds: 1 });
    now += 900;
    await store.addToSet('s', 'b', { ttlSeconds: 1 });
    await store.incrBy('c', 1);
    now += 200;
    expect(await store.setMembers('s')).toEqual(['a', 'b']);
    expect(await store.get('c')).toBeNull();
  });

  it('sweeps expired keys nobody reads again', async () => {
    const store = new MemoryStateStore({ now: clock });
    for (let i = 0; i < 500; i++) await store.set(`old-${i}`, 'x', { ttlSeconds: 1 });
    now += 5000;
    for (let i = 0; i < 600; i++) await store.set(`new-${i}`, 'x');
    const size = (store as unknown as { entries: Map<string, unknown> }).entries.size;
    expect(size).toBe(600);
  });

  it('copies buffers in and out', async () => {
    const store = new MemoryStateStore();
    const input = Buffer.from('abc');
    await store.set('k', input);
    input[0] = 0x7a;
    const out = await store.get('k');
    out?.fill(0);
    expect((await store.get('k'))?.toString()).toBe('abc');
  });
});
