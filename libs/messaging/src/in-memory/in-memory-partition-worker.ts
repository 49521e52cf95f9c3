import { BulkheadPolicy } from 'cockatiel';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeliveryControls, RawMessageHandler } from '../transport/transport.types';
import type { InMemoryConsumerGroup } from './in-memory-consumer-group';
import { InMemoryPartition } from './in-memory-partition';

const REDELIVERY_DELAY_MS = { initial: 50, max: 2_000 };
const noHeartbeatNeeded: DeliveryControls = { heartbeat: async () => undefined };

/** Delivers one partition in order; a message is committed only after its handler resolved. */
export class InMemoryPartitionWorker {
  private readonly abort = new AbortController();
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly partition: InMemoryPartition,
    private readonly group: InMemoryConsumerGroup,
    private readonly slots: BulkheadPolicy,
    private readonly handler: RawMessageHandler,
  ) {}

  start(): void {
    this.running = this.loop();
  }

  /** Stops fetching; a message already being handled is finished and committed first. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  private async loop(): Promise<void> {
    const signal = this.abort.signal;
    let offset = this.group.position(this.partition);
    while (!signal.aborted) {
      await this.partition.waitFor(offset, signal);
      const message = this.partition.at(offset);
      if (signal.aborted || !message) continue;
      if (await this.deliver(offset)) offset += 1;
    }
  }

  private async deliver(offset: number): Promise<boolean> {
    const message = this.partition.at(offset);
    if (!message) return false;
    let delay = REDELIVERY_DELAY_MS.initial;
    while (!this.abort.signal.aborted) {
      try {
        await this.slots.execute(() => this.handler(message, noHeartbeatNeeded));
        this.group.commit(this.partition, offset + 1);
        return true;
      } catch {
        await sleep(delay, undefined, { signal: this.abort.signal }).catch(() => undefined);
        delay = Math.min(delay * 2, REDELIVERY_DELAY_MS.max);
      }
    }
    return false;
  }
}
