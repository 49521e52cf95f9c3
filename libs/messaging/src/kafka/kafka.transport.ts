import { Kafka, Partitioners, Producer } from 'kafkajs';
import {
  ConsumerHandle,
  MessageTransport,
  OutgoingMessage,
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
  private readonly consumers = new Set<ConsumerHandle>();

  constructor(private readonly options: KafkaTransportOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      logCreator: kafkaLogCreator(options.logger),
    });
  }

  async ensureTopics(specs: readonly TopicSpec[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await provisionTopics(admin, specs, this.options.logger);
    } finally {
      await admin.disconnect();
    }
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
    const consumer = await startKafkaConsumer(this.kafka, options, timing, handler);
    const handle: ConsumerHandle = {
      assignment: () => consumer.assignment(),
      stop: async () => {
        if (!this.consumers.delete(handle)) return;
        await consumer.stop();
      },
    };
    this.consumers.add(handle);
    return handle;
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await (await producer).disconnect();
  }

  private connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      this.producer = producer.connect().then(() => producer);
      this.producer.catch(() => (this.producer = undefined));
    }
    return this.producer;
  }
}
