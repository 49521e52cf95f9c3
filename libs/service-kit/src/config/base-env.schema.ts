import { z } from 'zod';

const hostPort = z.string().regex(/^[^\s:,]+:\d{1,5}$/, 'expected host:port');

/** The environment every Sift service reads; each service extends it with its own variables. */
export const baseEnvSchema = z.object({
  HTTP_PORT: z.coerce.number().int().min(0).max(65_535),
  /** Address the HTTP port binds to; 0.0.0.0 for every interface (containers), 127.0.0.1 for this host only. */
  HTTP_HOST: z.string().min(1).default('0.0.0.0'),
  KAFKA_BROKERS: z
    .string({ error: 'required: comma-separated host:port list of Kafka brokers' })
    .transform((value) =>
      value
        .split(',')
        .map((broker) => broker.trim())
        .filter(Boolean),
    )
    .pipe(z.array(hostPort).min(1, 'at least one broker')),
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(30_000),
  KAFKA_HEARTBEAT_INTERVAL_MS: z.coerce.number().int().min(100).default(3_000),
  KAFKA_REBALANCE_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(60_000),
  REDIS_URL: z
    .string({ error: 'required: redis:// URL of the state store' })
    .regex(/^rediss?:\/\/\S+$/, 'expected a redis:// or rediss:// URL'),
  CONSUMER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  DELIVERY_RETRY_BUDGET_MS: z.coerce.number().int().min(0).default(600_000),
  TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1_000).default(6),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  /** Where a new ingest consumer group starts on sift.batches.v1: latest (default) never replays old batches. */
  INPUT_TOPIC_START: z.enum(['latest', 'earliest']).default('latest'),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
});

export type BaseEnv = z.output<typeof baseEnvSchema>;
