import { Controller, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SessionJob, sessionJobsTopic, TOPOLOGY } from '@sift/contracts';
import { ConsumeTopic, consumeTopics, KafkaTransport, topicRoute, TypedPublisher } from '@sift/messaging';
import { reportKey } from '@sift/state';
import { KafkaMockCluster, RedisServerHandle, startKafkaMock, startRedis, waitUntil } from '@sift/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { bootstrapService } from '@sift/service-kit';
import { z } from 'zod';

jest.setTimeout(90_000);

const quiet = { debug: () => undefined, log: () => undefined, warn: () => undefined, error: () => undefined };
const handled: Array<{ sessionId: string; startedAt: number; finishedAt?: number }> = [];

@Controller()
class SlowJobsConsumer {
  @ConsumeTopic(sessionJobsTopic)
  async summarize(@Payload() job: SessionJob): Promise<void> {
    const entry: { sessionId: string; startedAt: number; finishedAt?: number } = {
      sessionId: job.sessionId,
      startedAt: Date.now(),
    };
    handled.push(entry);
    await sleep(1_500);
    entry.finishedAt = Date.now();
  }
}

@Module({ controllers: [SlowJobsConsumer] })
class SlowJobsModule {}

function job(sessionId: string): SessionJob {
  return {
    reportId: 'r1',
    sessionId,
    eventsRef: reportKey('r1', 'session', sessionId, 'events'),
    contentHash: 'a'.repeat(64),
  };
}

describe('bootstrapService graceful shutdown (Kafka mock + Redis)', () => {
  let kafka: KafkaMockCluster;
  let redis: RedisServerHandle;
  beforeAll(async () => {
    [kafka, redis] = await Promise.all([
      startKafkaMock({ brokers: 1, topics: [{ name: sessionJobsTopic.topic, partitions: 1 }] }),
      startRedis(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([kafka?.stop(), redis?.stop()]);
  });

  it('finishes the in-flight handler and commits it before leaving, and reports not-ready meanwhile', async () => {
    const running = await bootstrapService(
      { name: 'summarizer', configSchema: z.object({}), module: () => ({ module: SlowJobsModule }) },
      {
        KAFKA_BROKERS: kafka.bootstrapServers,
        REDIS_URL: redis.url,
        HTTP_PORT: '0',
        LOG_LEVEL: 'error',
        // The mock cluster only lets a successor join once the leaver's session timed out.
        KAFKA_SESSION_TIMEOUT_MS: '6000',
        KAFKA_HEARTBEAT_INTERVAL_MS: '500',
      },
    );
    const producer = new KafkaTransport({ brokers: kafka.brokers, clientId: 'test-producer', logger: quiet });
    const publisher = new TypedPublisher(producer);
    expect((await fetch(`${running.httpUrl}/ready`)).status).toBe(200);

    await publisher.publish(sessionJobsTopic, 's1', job('s1'));
    await waitUntil('the handler to start', () => handled.length > 0);
    const stopping = running.shutdown();
    const readyDuringShutdown = await fetch(`${running.httpUrl}/ready`).then((r) => r.status);
    await stopping;
    expect(readyDuringShutdown).toBe(503);
    expect(handled).toHaveLength(1);
    expect(handled[0].finishedAt).toBeDefined();

    // The same group resumes after the committed offset: s1 is not delivered again, s2 is.
    await publisher.publish(sessionJobsTopic, 's2', job('s2'));
    const redelivered: string[] = [];
    const successor = await consumeTopics(producer, {
      groupId: TOPOLOGY.summarizer.consumerGroup,
      logger: quiet,
      deadLetters: { send: async () => undefined },
      routes: [topicRoute(sessionJobsTopic, async (value) => void redelivered.push(value.sessionId))],
    });
    await waitUntil('the successor to receive a job', () => redelivered.length > 0);
    await sleep(500);
    await successor.stop();
    await producer.close();
    expect(redelivered).toEqual(['s2']);
  });
});
