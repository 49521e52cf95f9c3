import { BulkheadPolicy, bulkhead } from 'cockatiel';
import { RawMessageHandler, SubscribeOptions, TopicPartition } from '../transport/transport.types';
import type { InMemoryConsumerGroup } from './in-memory-consumer-group';
import { InMemoryPartition } from './in-memory-partition';
import { InMemoryPartitionWorker } from './in-memory-partition-worker';

/** One consumer in a group: a worker per owned partition, at most `concurrency` handlers at once. */
export class InMemoryGroupMember {
  private readonly workers = new Map<InMemoryPartition, InMemoryPartitionWorker>();
  private readonly slots: BulkheadPolicy;

  constructor(
    private readonly group: InMemoryConsumerGroup,
    private readonly options: SubscribeOptions,
    private readonly handler: RawMessageHandler,
  ) {
    this.slots = bulkhead(Math.max(1, options.concurrency), Number.MAX_SAFE_INTEGER);
  }

  get topics(): readonly string[] {
    return this.options.topics;
  }

  assignment(): TopicPartition[] {
    return [...this.workers.keys()].map(({ topic, id }) => ({ topic, partition: id }));
  }

  async revokeAllBut(keep: readonly InMemoryPartition[]): Promise<void> {
    const revoked = [...this.workers.entries()].filter(([partition]) => !keep.includes(partition));
    await Promise.all(
      revoked.map(async ([partition, worker]) => {
        this.workers.delete(partition);
        await worker.stop();
      }),
    );
  }

  take(partitions: readonly InMemoryPartition[]): void {
    for (const partition of partitions) {
      if (this.workers.has(partition)) continue;
      const worker = new InMemoryPartitionWorker(partition, this.group, this.slots, this.handler);
      this.workers.set(partition, worker);
      worker.start();
    }
  }
}
