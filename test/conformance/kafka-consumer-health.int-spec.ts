import { defineTopic } from '@sift/contracts';
import { ConsumerHandle, consumeTopics, KafkaTransport, topicRoute } from '@sift/messaging';
import { KafkaMockCluster, startKafkaMock, waitUntil } from '@sift/testing';
import { z } from 'zod';
import { quietLogger } from '../support/transport-under-test';

jest.setTimeout(60_000);

const topic = defineTopic({ topic: 'sift.health.v1', key: z.string(), value: z.unknown(), keyedBy: 'any' });

describe('kafka consumer health (librdkafka mock cluster)', () => {
  let cluster: KafkaMockCluster;
  let transport: KafkaTransport;
  let consumer: ConsumerHandle;

  beforeAll(async () => {
    cluster = await startKafkaMock({ brokers: 1, topics: [{ name: topic.topic, partitions: 2 }] });
    transport = new KafkaTransport({
      brokers: cluster.brokers,
      clientId: 'health',
      logger: quietLogger,
      sessionTimeoutMs: 6_000,
      heartbeatIntervalMs: 300,
      maxWaitTimeMs: 100,
    });
    consumer = await consumeTopics(transport, {
      groupId: 'health',
      logger: quietLogger,
      deadLetters: { send: async () => undefined },
      routes: [topicRoute(topic, async () => undefined)],
    });
  });
  afterAll(async () => {
    await transport?.close();
    await cluster?.stop();
  });

  it('is unhealthy while its broker is unreachable and healthy again once it is back', async () => {
    await waitUntil('a healthy consumer after the join', () => consumer.health().healthy);
    expect(consumer.health().reason).toBe('consuming');

    await cluster.brokerDown(1);
    await waitUntil('the consumer to notice the broker is gone', () => !consumer.health().healthy, 15_000);
    // kafkajs either keeps trying (no contact) or restarts its consumer (a retriable crash).
    expect(consumer.health().reason).toMatch(
      /no contact with the Kafka brokers for \d+ s|restarting after a crash/,
    );

    await cluster.brokerUp(1);
    await waitUntil('the consumer to be healthy again', () => consumer.health().healthy, 30_000);
  });
});
