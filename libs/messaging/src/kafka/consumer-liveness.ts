import { errorMessage } from '@sift/errors';
import { ConsumerHealth } from '../transport/transport.types';

/**
 * What a kafkajs consumer last heard from the brokers, for `/ready`: it is healthy while heartbeats,
 * commits or joins keep arriving (a rebalance in progress counts as healthy), and unhealthy after a
 * crash or when nothing arrived for `contactTimeoutMs` (the brokers are unreachable).
 */
export class ConsumerLiveness {
  private lastContactAt = Date.now();
  private rebalancing = true;
  private crash?: string;
  private failure?: unknown;
  private readonly failureListeners: Array<(error: unknown) => void> = [];

  constructor(private readonly contactTimeoutMs: number) {}

  contact(): void {
    this.lastContactAt = Date.now();
  }

  joined(): void {
    this.contact();
    this.rebalancing = false;
    this.crash = undefined;
  }

  rebalanceStarted(): void {
    this.rebalancing = true;
  }

  /** A crash kafkajs restarts from keeps the consumer unhealthy until it has joined again. */
  crashed(error: unknown, restarting: boolean): void {
    this.crash = `${restarting ? 'restarting after a crash' : 'crashed'}: ${errorMessage(error)}`;
    if (restarting) return;
    this.failure ??= error;
    this.failureListeners.splice(0).forEach((listener) => listener(error));
  }

  onFailure(listener: (error: unknown) => void): void {
    if (this.failure !== undefined) listener(this.failure);
    else this.failureListeners.push(listener);
  }

  health(): ConsumerHealth {
    if (this.crash) return { healthy: false, reason: this.crash };
    if (this.rebalancing) return { healthy: true, reason: 'joining the consumer group' };
    const silentMs = Date.now() - this.lastContactAt;
    if (silentMs > this.contactTimeoutMs) {
      return {
        healthy: false,
        reason: `no contact with the Kafka brokers for ${Math.round(silentMs / 1000)} s`,
      };
    }
    return { healthy: true, reason: 'consuming' };
  }
}
