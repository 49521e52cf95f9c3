import { partitionForKey } from '../transport/key-partitioner.util';
import { OutgoingMessage, TopicSpec } from '../transport/transport.types';
import { InMemoryConsumerGroup } from './in-memory-consumer-group';
import { InMemoryPartition } from './in-memory-partition';

export interface InMemoryBrokerOptions {
  /** Partitions of a topic that is used before anyone created it (Kafka's auto-creation). */
  defaultPartitions?: number;
}

/** Topics, partitions and consumer groups in one process, with Kafka's semantics. */
export class InMemoryBroker {
  private readonly topics = new Map<string, InMemoryPartition[]>();
  private readonly groups = new Map<string, InMemoryConsumerGroup>();
  private readonly defaultPartitions: number;

  constructor(options: InMemoryBrokerOptions = {}) {
    this.defaultPartitions = options.defaultPartitions ?? 6;
  }

  createTopic(spec: TopicSpec): void {
    if (this.topics.has(spec.topic)) return;
    const partitions = Array.from(
      { length: spec.partitions },
      (_, id) => new InMemoryPartition(spec.topic, id),
    );
    this.topics.set(spec.topic, partitions);
  }

  partitions(topic: string): readonly InMemoryPartition[] {
    if (!this.topics.has(topic)) this.createTopic({ topic, partitions: this.defaultPartitions });
    return this.topics.get(topic) ?? [];
  }

  append(topic: string, message: OutgoingMessage): { partition: number; offset: number } {
    const partitions = this.partitions(topic);
    const partition = partitions[partitionForKey(topic, message.key, partitions.length)];
    const value = Buffer.isBuffer(message.value) ? message.value : Buffer.from(message.value);
    const offset = partition.append(message.key, value, { ...message.headers });
    return { partition: partition.id, offset };
  }

  group(groupId: string): InMemoryConsumerGroup {
    let group = this.groups.get(groupId);
    if (!group) {
      group = new InMemoryConsumerGroup(this);
      this.groups.set(groupId, group);
    }
    return group;
  }
}
