import { randomUUID } from 'node:crypto';
import { MemoryStateStore, RedisStateStore, type StateStore } from '@sift/state';
import { startRedis, type RedisServerHandle } from '@sift/testing';

/** How one backend is brought up; every conformance case runs against each of them. */
export interface StoreBackend {
  readonly name: string;
  start(): Promise<void>;
  /** A fresh, empty store per test. */
  create(): StateStore;
  /** Two clients of one fresh store, as two replicas have (memory: the same instance twice). */
  createPair(): [StateStore, StateStore];
  /** The Redis URL for tests that need their own clients (undefined for memory). */
  url(): string | undefined;
  stop(): Promise<void>;
}

/** The in-memory store, and real Redis (one server per test file, a random key prefix per store). */
export function storeBackends(): StoreBackend[] {
  let redisServer: RedisServerHandle | undefined;
  const serverUrl = (): string => {
    if (!redisServer) throw new Error('redis-server is not running');
    return redisServer.url;
  };
  return [
    {
      name: 'memory',
      start: async () => undefined,
      create: () => new MemoryStateStore(),
      createPair: () => {
        const store = new MemoryStateStore();
        return [store, store];
      },
      url: () => undefined,
      stop: async () => undefined,
    },
    {
      name: 'redis',
      start: async () => {
        redisServer = await startRedis();
      },
      create: () => new RedisStateStore(serverUrl(), { keyPrefix: `conformance:${randomUUID()}:` }),
      createPair: () => {
        const keyPrefix = `conformance:${randomUUID()}:`;
        return [
          new RedisStateStore(serverUrl(), { keyPrefix }),
          new RedisStateStore(serverUrl(), { keyPrefix }),
        ];
      },
      url: serverUrl,
      stop: async () => redisServer?.stop(),
    },
  ];
}
