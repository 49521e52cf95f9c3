import { MessagingLogger } from '../transport/transport.types';

export interface KafkaTransportOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly logger: MessagingLogger;
  /** Group membership timing; tests shorten these so rebalances settle fast. */
  readonly sessionTimeoutMs?: number;
  readonly heartbeatIntervalMs?: number;
  /** How long the group waits for every member to rejoin during a rebalance. */
  readonly rebalanceTimeoutMs?: number;
  /** How long a fetch waits for data; lower means lower latency at more requests. */
  readonly maxWaitTimeMs?: number;
}

export const KAFKA_TIMING_DEFAULTS = {
  sessionTimeoutMs: 30_000,
  heartbeatIntervalMs: 3_000,
  rebalanceTimeoutMs: 60_000,
  maxWaitTimeMs: 1_000,
} as const;

export type KafkaTiming = { -readonly [K in keyof typeof KAFKA_TIMING_DEFAULTS]: number };

/** How long a consumer may hear nothing from the brokers before it calls itself disconnected. */
export function contactTimeoutMs(timing: KafkaTiming): number {
  return Math.max(timing.sessionTimeoutMs / 2, 3 * timing.heartbeatIntervalMs, 2 * timing.maxWaitTimeMs);
}
