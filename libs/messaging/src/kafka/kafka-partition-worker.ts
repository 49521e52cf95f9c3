import { KafkaMessage } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeliveryControls, RawMessageHandler } from '../transport/transport.types';
import { toRawMessage } from './kafka-message.util';

const REDELIVERY_DELAY_MS = { initial: 50, max: 2_000 };

/** What a partition worker tells its consumer. */
export interface PartitionWorkerHooks {
  /** Every message below `nextOffset` is handled: it may be committed. */
  handled(nextOffset: string): void;
  /** The queue is empty: fetching the partition may resume. */
  drained(): void;
  /** Resolves when a new message may start (not during a rebalance). */
  mayStart(): Promise<void>;
}

/**
 * One assigned partition of a Kafka consumer: the messages fetched for it wait here and are handled one
 * after another, apart from the fetch loop, so a slow message holds back only its own partition.
 * Revoking fires the delivery signal and drops what has not started (its next owner reads it again).
 */
export class KafkaPartitionWorker {
  private readonly queue: KafkaMessage[] = [];
  private readonly abort = new AbortController();
  private readonly controls: DeliveryControls = { signal: this.abort.signal };
  private nextToQueue?: bigint;
  private inFlight = false;
  private running: Promise<void>;

  constructor(
    readonly topic: string,
    readonly partition: number,
    private readonly handler: RawMessageHandler,
    private readonly hooks: PartitionWorkerHooks,
    /** The previous worker of this partition in this process; it finishes before this one starts. */
    previous: Promise<void> = Promise.resolve(),
  ) {
    this.running = previous;
  }

  /** Messages queued or in flight. */
  get backlog(): number {
    return this.queue.length + (this.inFlight ? 1 : 0);
  }

  get revoked(): boolean {
    return this.abort.signal.aborted;
  }

  /** Settles when the worker has nothing in flight any more. */
  get idle(): Promise<void> {
    return this.running;
  }

  /** Queues fetched messages; offsets queued before (a refetch after a rebalance) are skipped. */
  enqueue(messages: readonly KafkaMessage[]): void {
    if (this.revoked) return;
    const fresh = messages.filter(
      (m) => this.nextToQueue === undefined || BigInt(m.offset) >= this.nextToQueue,
    );
    if (fresh.length === 0) return;
    const wasEmpty = this.backlog === 0;
    this.queue.push(...fresh);
    this.nextToQueue = BigInt(fresh[fresh.length - 1].offset) + 1n;
    if (wasEmpty) this.running = this.running.then(() => this.drain());
  }

  /** Fires the signal of the message in flight and forgets the queued ones. */
  revoke(reason: string): void {
    this.queue.length = 0;
    this.abort.abort(new Error(reason));
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.revoked) {
      await this.hooks.mayStart();
      const message = this.queue.shift();
      if (!message || this.revoked) break;
      this.inFlight = true;
      try {
        if (!(await this.deliver(message))) return;
      } finally {
        this.inFlight = false;
      }
      this.hooks.handled((BigInt(message.offset) + 1n).toString());
    }
    if (!this.revoked) this.hooks.drained();
  }

  /** True once handled; false when the partition was revoked first. */
  private async deliver(message: KafkaMessage): Promise<boolean> {
    const raw = toRawMessage(this.topic, this.partition, message);
    let delay = REDELIVERY_DELAY_MS.initial;
    for (;;) {
      try {
        await this.handler(raw, this.controls);
        return true;
      } catch {
        // The dispatcher rejects only when the message must be delivered again (a DLQ that is down).
        if (this.revoked) return false;
        await sleep(delay, undefined, { signal: this.abort.signal }).catch(() => undefined);
        delay = Math.min(delay * 2, REDELIVERY_DELAY_MS.max);
      }
    }
  }
}
