import { MemoryStateStore } from './memory-state-store';
import { RedisStateStore } from './redis-state-store';
import { createStateStore } from './state-store.factory';

describe('createStateStore', () => {
  it('keeps state in memory without a Redis URL', async () => {
    for (const config of [{}, { redisUrl: '' }]) {
      const store = createStateStore(config);
      expect(store).toBeInstanceOf(MemoryStateStore);
      await store.close();
    }
  });

  it('uses Redis when a URL is configured, connecting only on first use', async () => {
    const store = createStateStore({ redisUrl: 'redis://127.0.0.1:1' });
    expect(store).toBeInstanceOf(RedisStateStore);
    await store.close();
  });
});
