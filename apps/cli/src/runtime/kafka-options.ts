import { KafkaTransport } from '@sift/messaging';
import { RedisStateStore } from '@sift/state';
import { cliLogger } from './quiet-logger';

export interface ClusterOptions {
  readonly brokers: string;
  readonly redis?: string;
}

export function kafkaTransport(options: ClusterOptions): KafkaTransport {
  return new KafkaTransport({
    brokers: options.brokers.split(',').map((broker) => broker.trim()),
    clientId: 'sift-cli',
    logger: cliLogger('sift'),
    maxWaitTimeMs: 250,
  });
}

/** The Redis store from --redis or REDIS_URL; undefined when neither is given. */
export function redisStore(options: ClusterOptions, env: NodeJS.ProcessEnv): RedisStateStore | undefined {
  const url = options.redis ?? env.REDIS_URL;
  return url ? new RedisStateStore(url) : undefined;
}
