import {
  InMemoryBroker,
  InMemoryTransport,
  KafkaTransport,
  MessageTransport,
  MessagingLogger,
} from '@sift/messaging';
import { KafkaMockCluster, startKafkaMock } from '@sift/testing';

export const quietLogger: MessagingLogger = {
  debug: () => undefined,
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** One broker for a test file; `connect()` gives a new client, as a separate process would have. */
export interface TransportUnderTest {
  readonly name: string;
  start(): Promise<void>;
  createTopic(topic: string, partitions: number): Promise<void>;
  connect(): MessageTransport;
  stop(): Promise<void>;
}

export function inMemoryTransportUnderTest(): TransportUnderTest {
  let broker = new InMemoryBroker();
  return {
    name: 'in-memory',
    start: async () => {
      broker = new InMemoryBroker();
    },
    createTopic: async (topic, partitions) => broker.createTopic({ topic, partitions }),
    connect: () => new InMemoryTransport(broker),
    stop: async () => undefined,
  };
}

export function kafkaMockTransportUnderTest(): TransportUnderTest {
  let cluster: KafkaMockCluster | undefined;
  let clients = 0;
  return {
    name: 'kafka (librdkafka mock cluster)',
    start: async () => {
      cluster = await startKafkaMock({ brokers: 3, topics: [{ name: 'sift.dlq.v1', partitions: 3 }] });
    },
    createTopic: async (topic, partitions) => {
      await cluster?.createTopic(topic, partitions);
    },
    connect: () =>
      new KafkaTransport({
        brokers: cluster?.brokers ?? [],
        clientId: `conformance-${(clients += 1)}`,
        logger: quietLogger,
        sessionTimeoutMs: 6_000,
        heartbeatIntervalMs: 300,
        rebalanceTimeoutMs: 10_000,
        maxWaitTimeMs: 100,
      }),
    stop: async () => {
      await cluster?.stop();
    },
  };
}
