import { freePort, KafkaMockCluster, RedisServerHandle, startKafkaMock, startRedis } from '@sift/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { ServiceProcess, spawnService } from '../support/service-process';

jest.setTimeout(120_000);

const HEARTBEAT_API = 12;
const GROUP_AUTHORIZATION_FAILED = 30;

interface Ready {
  readonly status: number;
  readonly reason: string;
}

async function readiness(url: string): Promise<Ready> {
  try {
    const response = await fetch(`${url}/ready`);
    const body = (await response.json()) as { reason?: string; message?: { reason?: string } };
    return { status: response.status, reason: body.reason ?? body.message?.reason ?? '' };
  } catch (error) {
    return { status: 0, reason: String(error) };
  }
}

/** Polls /ready until `accept` holds; fails naming what it waited for and what it last saw. */
async function waitForReadiness(
  what: string,
  url: string,
  service: ServiceProcess,
  accept: (ready: Ready) => boolean,
  timeoutMs = 30_000,
): Promise<Ready> {
  const deadline = Date.now() + timeoutMs;
  let last = await readiness(url);
  while (!accept(last)) {
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what}; last /ready: ${JSON.stringify(last)}; ${service.output().slice(-800)}`,
      );
    }
    await sleep(200);
    last = await readiness(url);
  }
  return last;
}

describe('a service whose consumer loses its brokers', () => {
  let kafka: KafkaMockCluster;
  let redis: RedisServerHandle;
  beforeAll(async () => {
    [kafka, redis] = await Promise.all([startKafkaMock({ brokers: 1 }), startRedis()]);
  });
  afterAll(async () => {
    await Promise.all([kafka?.stop(), redis?.stop()]);
  });

  async function start(): Promise<{ service: ServiceProcess; url: string }> {
    const port = await freePort();
    const service = spawnService('aggregator', {
      KAFKA_BROKERS: kafka.bootstrapServers,
      REDIS_URL: redis.url,
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      KAFKA_HEARTBEAT_INTERVAL_MS: '500',
      SHUTDOWN_TIMEOUT_MS: '5000',
    });
    const url = `http://127.0.0.1:${port}`;
    await waitForReadiness('the service to be ready', url, service, (r) => r.status === 200, 60_000);
    return { service, url };
  }

  it('says not-ready while the broker is unreachable, and ready again once it is back', async () => {
    const { service, url } = await start();
    try {
      await kafka.brokerDown(1);
      const down = await waitForReadiness('not-ready', url, service, (r) => r.status === 503).finally(() =>
        kafka.brokerUp(1),
      );
      // kafkajs either keeps trying (no contact) or restarts its consumer (a retriable crash).
      expect(down.reason).toMatch(/no contact with the Kafka brokers|restarting after a crash/);
      await waitForReadiness('ready again', url, service, (r) => r.status === 200, 60_000);
    } finally {
      service.child.kill('SIGTERM');
      await service.exited();
    }
  });

  it('exits non-zero when its consumer crashes for good, instead of looking alive', async () => {
    const { service } = await start();
    await kafka.failRequests(HEARTBEAT_API, GROUP_AUTHORIZATION_FAILED, 100);
    const code = await Promise.race([service.exited(), sleep(30_000).then(() => 'still running')]);
    if (code === 'still running') service.child.kill('SIGKILL');
    expect({ code, output: service.output().slice(-600) }).toEqual({
      code: 1,
      output: expect.stringMatching(/the consumer stopped for good/),
    });
  });
});
