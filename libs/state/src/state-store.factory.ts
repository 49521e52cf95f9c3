import { MemoryStateStore } from './memory-state-store';
import { RedisStateStore } from './redis-state-store';
import type { StateStore } from './state-store.types';

/** Where state lives; services fill this from their parsed environment. */
export interface StateStoreConfig {
  /** `redis://` URL for distributed mode; without one (or empty) state stays in process memory. */
  redisUrl?: string;
}

/** Redis when a URL is configured, memory otherwise (embedded mode, tests). */
export function createStateStore(config: StateStoreConfig): StateStore {
  return config.redisUrl ? new RedisStateStore(config.redisUrl) : new MemoryStateStore();
}
