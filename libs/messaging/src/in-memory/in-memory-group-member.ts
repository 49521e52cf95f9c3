import {
  RawMessageHandler,
  StartPosition,
  SubscribeOptions,
  TopicPartition,
} from '../transport/transport.types';
import type { InMemoryConsumerGroup } from './in-memory-consumer-group';
import { InMemoryPartition } from './in-memory-partition';
import { InMemoryPartitionWorker } from './in-memory-partition-worker';

/** One consumer in a group: a worker per owned partition, each delivering its partition in order. */
export class InMemoryGroupMember {
  private readonly workers = new Map<InMemoryPartition, InMemoryPartitionWorker>();

  constructor(
    private readonly group: InMemoryConsumerGroup,
    private readonly options: SubscribeOptions,
    private readonly handler: RawMessageHandler,
  ) {}

  get topics(): readonly string[] {
    return this.options.topics;
  }

  startAt(topic: string): StartPosition {
    return this.options.startAt?.[topic] ?? 'earliest';
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
      this.group.startPosition(partition, this.startAt(partition.topic));
      const worker = new InMemoryPartitionWorker(partition, this.group, this.handler);
      this.workers.set(partition, worker);
      worker.start();
    }
  }
}
