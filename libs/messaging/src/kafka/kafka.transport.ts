import { Admin, Kafka, Partitioners, Producer } from 'kafkajs';
import { partitionForKey } from '../transport/key-partitioner.util';
import {
  ConsumerHandle,
  MessageTransport,
  OutgoingMessage,
  PartitionProgress,
  RawMessageHandler,
  SubscribeOptions,
  TopicSpec,
} from '../transport/transport.types';
import { kafkaLogCreator } from './kafka-log-creator.util';
import { startKafkaConsumer } from './kafka-consumer';
import { KAFKA_TIMING_DEFAULTS, KafkaTransportOptions } from './kafka-transport.options';
import { provisionTopics } from './kafka-topic-provisioner';

/** The Kafka wire protocol through kafkajs. */
export class KafkaTransport implements MessageTransport {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private producer?: Promise<Producer>;
  private admin?: Promise<Admin>;
  private readonly consumers = new Set<ConsumerHandle>();

  constructor(private readonly options: KafkaTransportOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      logCreator: kafkaLogCreator(options.logger),
    });
  }

  async ensureTopics(specs: readonly TopicSpec[]): Promise<void> {
    await provisionTopics(await this.connectedAdmin(), specs, this.options.logger);
  }

  async send(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    const producer = await this.connectedProducer();
    await producer.send({
      topic,
      acks: -1,
      messages: messages.map((m) => ({ key: m.key, value: m.value, headers: { ...m.headers } })),
    });
  }

  async subscribe(options: SubscribeOptions, handler: RawMessageHandler): Promise<ConsumerHandle> {
    const timing = { ...KAFKA_TIMING_DEFAULTS, ...this.options };
    const consumer = await startKafkaConsumer(this.kafka, options, timing, handler, this.options.logger);
    const handle: ConsumerHandle = {
      ...consumer,
      stop: async () => {
        if (!this.consumers.delete(handle)) return;
        await consumer.stop();
      },
    };
    this.consumers.add(handle);
    return handle;
  }

  async progress(groupId: string, topic: string, key: string): Promise<PartitionProgress> {
    const admin = await this.connectedAdmin();
    const ends = await admin.fetchTopicOffsets(topic);
    const partition = partitionForKey(topic, key, ends.length);
    const end = ends.find((entry) => entry.partition === partition);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const offset = committed?.partitions.find((entry) => entry.partition === partition)?.offset ?? '-1';
    const low = Number(end?.low ?? 0);
    return {
      topic,
      partition,
      endOffset: Number(end?.high ?? 0),
      // A group that never committed starts at the low watermark at the earliest.
      committedOffset: Number(offset) < 0 ? low : Math.max(Number(offset), low),
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    const [producer, admin] = [this.producer, this.admin];
    this.producer = undefined;
    this.admin = undefined;
    await Promise.all([
      producer?.then((p) => p.disconnect()).catch(() => undefined),
      admin?.then((a) => a.disconnect()).catch(() => undefined),
    ]);
  }

  private connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      this.producer = producer.connect().then(() => producer);
      this.producer.catch(() => (this.producer = undefined));
    }
    return this.producer;
  }

  private connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(() => admin);
      this.admin.catch(() => (this.admin = undefined));
    }
    return this.admin;
  }
}
