import {
  DeadLetter,
  dlqTopic,
  reportProgressTopic,
  reportsTopic,
  reportV1Schema,
  SERVICE_NAMES,
  sessionResultsTopic,
  TOPIC_NAMES,
} from '@sift/contracts';
import { consumeTopics, KafkaTransport, topicRoute, TypedPublisher } from '@sift/messaging';
import {
  freePort,
  KafkaMockCluster,
  RedisServerHandle,
  startKafkaMock,
  startRedis,
  waitUntil,
} from '@sift/testing';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportDigest } from '../support/report-digest.util';
import { MINI_SHOP_BATCH, runCli } from '../support/run-cli';
import { ServiceProcess, spawnService } from '../support/service-process';
import { quietLogger } from '../support/transport-under-test';

// Secrets every service gets; none may show up in a log line, a message, a report or a metric.
const REDIS_PASSWORD = 'sift-test-redis-password-5b1f';
const SECRETS = {
  OPENAI_API_KEY: 'sk-sift-test-openai-key-8c2d41',
  GEMINI_API_KEY: 'AIza-sift-test-gemini-key-93ab',
};

jest.setTimeout(240_000);

describe('distributed: six service processes on the Kafka protocol and Redis', () => {
  let kafka: KafkaMockCluster;
  let redis: RedisServerHandle;
  const services: ServiceProcess[] = [];
  const httpPorts: number[] = [];

  beforeAll(async () => {
    [kafka, redis] = await Promise.all([
      startKafkaMock({ brokers: 3, topics: TOPIC_NAMES.map((name) => ({ name, partitions: 3 })) }),
      startRedis({ password: REDIS_PASSWORD }),
    ]);
    const started = SERVICE_NAMES.map(async (service) => {
      const port = await freePort();
      httpPorts.push(port);
      const process = spawnService(service, {
        ...SECRETS,
        KAFKA_BROKERS: kafka.bootstrapServers,
        REDIS_URL: redis.url,
        HTTP_PORT: String(port),
        LOG_LEVEL: 'warn',
        KAFKA_SESSION_TIMEOUT_MS: '6000',
        KAFKA_HEARTBEAT_INTERVAL_MS: '500',
        REPORT_DEADLINE_SWEEP_MS: '500',
      });
      services.push(process);
      let ready = false;
      await waitUntil(
        `${service} ready (${process.output().slice(-300)})`,
        () => {
          void fetch(`http://127.0.0.1:${port}/ready`).then(
            (r) => (ready = r.ok),
            () => undefined,
          );
          return ready;
        },
        90_000,
      );
    });
    await Promise.all(started);
  });

  afterAll(async () => {
    services.forEach((service) => service.child.kill('SIGTERM'));
    await Promise.all(services.map((service) => service.exited()));
    await Promise.all([kafka?.stop(), redis?.stop()]);
  });

  it('sift publish + sift reports give the same report as sift analyze', async () => {
    const cluster = { KAFKA_BROKERS: kafka.bootstrapServers, REDIS_URL: redis.url };
    const published = await runCli(
      ['publish', MINI_SHOP_BATCH, '--brokers', kafka.bootstrapServers, '--report-id', 'dist-1'],
      cluster,
    );
    expect({ code: published.code, stderr: published.stderr }).toEqual({ code: 0, stderr: '' });
    expect(published.stdout.trim()).toBe('dist-1');

    const fetched = await runCli(
      ['reports', '--brokers', kafka.bootstrapServers, '--report-id', 'dist-1', '--timeout', '150'],
      cluster,
    );
    expect(fetched.code).toBe(0);
    const lines = fetched.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const distributed = reportV1Schema.parse(JSON.parse(lines[0]));
    expect(distributed.reportId).toBe('dist-1');

    const out = await mkdtemp(join(tmpdir(), 'sift-compare-'));
    try {
      const embeddedRun = await runCli(['analyze', MINI_SHOP_BATCH, '--out', out]);
      expect(embeddedRun.code).toBe(0);
      const embedded = reportV1Schema.parse(JSON.parse(await readFile(join(out, 'report.json'), 'utf8')));
      expect(reportDigest(distributed)).toEqual(reportDigest(embedded));
      expect(distributed.patterns.length).toBeGreaterThan(0);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('dead-letters a poison result with its own code, and leaks no secret anywhere', async () => {
    const transport = new KafkaTransport({
      brokers: kafka.brokers,
      clientId: 'e2e-inspector',
      logger: quietLogger,
    });
    const seen: { letters: DeadLetter[]; messages: string[] } = { letters: [], messages: [] };
    const watch = await consumeTopics(transport, {
      groupId: 'e2e-inspector',
      logger: quietLogger,
      deadLetters: { send: async () => undefined },
      routes: [
        topicRoute(dlqTopic, async (letter) => void seen.letters.push(letter)),
        topicRoute(reportsTopic, async (message) => void seen.messages.push(JSON.stringify(message))),
        topicRoute(
          reportProgressTopic,
          async (progress) => void seen.messages.push(JSON.stringify(progress)),
        ),
      ],
    });
    try {
      await new TypedPublisher(transport).publish(sessionResultsTopic, 'nobody-registered-this', {
        reportId: 'nobody-registered-this',
        sessionId: 's1',
        status: 'skipped',
        reason: 'no events',
      });
      await waitUntil(
        'the dead letter of the poison result',
        () => seen.letters.some((letter) => letter.key === 'nobody-registered-this'),
        60_000,
      );
      const letter = seen.letters.find((l) => l.key === 'nobody-registered-this');
      // Distributed services keep a handler's own error: a fatal one is dead-lettered at once, with its code.
      expect(letter).toMatchObject({
        errorCode: 'UNKNOWN_REPORT',
        attempts: 1,
        sourceTopic: sessionResultsTopic.topic,
      });
      expect(seen.messages.length).toBeGreaterThan(0);

      const metrics = await Promise.all(
        httpPorts.map((port) => fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text())),
      );
      const everything = [
        ...services.map((service) => service.output()),
        ...seen.letters.map((l) => JSON.stringify(l)),
        ...seen.messages,
        ...metrics,
      ].join('\n');
      for (const secret of [REDIS_PASSWORD, ...Object.values(SECRETS)])
        expect(everything).not.toContain(secret);
    } finally {
      await watch.stop();
      await transport.close();
    }
  });
});
