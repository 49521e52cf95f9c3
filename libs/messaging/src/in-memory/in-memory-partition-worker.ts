import { setTimeout as sleep } from 'node:timers/promises';
import { DeliveryControls, RawMessageHandler } from '../transport/transport.types';
import type { InMemoryConsumerGroup } from './in-memory-consumer-group';
import { InMemoryPartition } from './in-memory-partition';

const REDELIVERY_DELAY_MS = { initial: 50, max: 2_000 };

/**
 * Delivers one partition in order; a message is committed only after its handler resolved. Stopping (a
 * revocation or the member leaving) fires the delivery's signal and waits for the handler to return.
 */
export class InMemoryPartitionWorker {
  private readonly abort = new AbortController();
  private readonly controls: DeliveryControls = { signal: this.abort.signal };
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly partition: InMemoryPartition,
    private readonly group: InMemoryConsumerGroup,
    private readonly handler: RawMessageHandler,
  ) {}

  start(): void {
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.abort.abort(new Error(`partition ${this.partition.topic}[${this.partition.id}] was revoked`));
    await this.running;
  }

  private async loop(): Promise<void> {
    const signal = this.abort.signal;
    let offset = this.group.position(this.partition);
    while (!signal.aborted) {
      await this.partition.waitFor(offset, signal);
      if (signal.aborted || !this.partition.at(offset)) continue;
      if (await this.deliver(offset)) offset += 1;
    }
  }

  private async deliver(offset: number): Promise<boolean> {
    const message = this.partition.at(offset);
    if (!message) return false;
    let delay = REDELIVERY_DELAY_MS.initial;
    for (;;) {
      try {
        await this.handler(message, this.controls);
        this.group.commit(this.partition, offset + 1);
        return true;
      } catch {
        if (this.abort.signal.aborted) return false;
        await sleep(delay, undefined, { signal: this.abort.signal }).catch(() => undefined);
        delay = Math.min(delay * 2, REDELIVERY_DELAY_MS.max);
      }
    }
  }
}
