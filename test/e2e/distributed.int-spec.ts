import { reportV1Schema, SERVICE_NAMES, TOPIC_NAMES } from '@sift/contracts';
import { freePort, KafkaMockCluster, RedisServerHandle, startKafkaMock, startRedis } from '@sift/testing';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportDigest } from '../support/report-digest.util';
import { MINI_SHOP_BATCH, runCli } from '../support/run-cli';
import { ServiceProcess, spawnService } from '../support/service-process';
import { waitUntil } from '../support/wait-until.util';

jest.setTimeout(240_000);

describe('distributed: six service processes on the Kafka protocol and Redis', () => {
  let kafka: KafkaMockCluster;
  let redis: RedisServerHandle;
  const services: ServiceProcess[] = [];

  beforeAll(async () => {
    [kafka, redis] = await Promise.all([
      startKafkaMock({ brokers: 3, topics: TOPIC_NAMES.map((name) => ({ name, partitions: 3 })) }),
      startRedis(),
    ]);
    const started = SERVICE_NAMES.map(async (service) => {
      const port = await freePort();
      const process = spawnService(service, {
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
});
