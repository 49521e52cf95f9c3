import {
  ConsumerHandle,
  MessageTransport,
  OutgoingMessage,
  PartitionProgress,
  RawMessageHandler,
  SubscribeOptions,
  TopicSpec,
} from '../transport/transport.types';
import { InMemoryBroker } from './in-memory.broker';
import { partitionForKey } from '../transport/key-partitioner.util';
import { InMemoryGroupMember } from './in-memory-group-member';

/** Kafka semantics without a broker: for the embedded mode (`sift analyze`) and fast tests. */
export class InMemoryTransport implements MessageTransport {
  readonly kind = 'memory' as const;
  private readonly consumers = new Set<ConsumerHandle>();

  constructor(readonly broker: InMemoryBroker = new InMemoryBroker()) {}

  async ensureTopics(specs: readonly TopicSpec[]): Promise<void> {
    specs.forEach((spec) => this.broker.createTopic(spec));
  }

  async send(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    messages.forEach((message) => this.broker.append(topic, message));
  }

  async subscribe(options: SubscribeOptions, handler: RawMessageHandler): Promise<ConsumerHandle> {
    const group = this.broker.group(options.groupId);
    const member = new InMemoryGroupMember(group, options, handler);
    await group.join(member);
    const handle: ConsumerHandle = {
      assignment: () => member.assignment(),
      // Nothing outside this process can take the consumer down: it runs until it is stopped.
      health: () => ({ healthy: true, reason: 'consuming' }),
      onFailure: () => undefined,
      stop: async () => {
        if (!this.consumers.delete(handle)) return;
        await group.leave(member);
      },
    };
    this.consumers.add(handle);
    return handle;
  }

  async progress(groupId: string, topic: string, key: string): Promise<PartitionProgress> {
    const partitions = this.broker.partitions(topic);
    const partition = partitions[partitionForKey(topic, key, partitions.length)];
    return {
      topic,
      partition: partition.id,
      endOffset: partition.endOffset,
      committedOffset: this.broker.group(groupId).position(partition),
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
  }
}
