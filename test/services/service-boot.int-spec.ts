import { SERVICE_NAMES } from '@sift/contracts';
import {
  freePort,
  KafkaMockCluster,
  RedisServerHandle,
  startKafkaMock,
  startRedis,
  waitUntil,
} from '@sift/testing';
import { spawnService } from '../support/service-process';

jest.setTimeout(120_000);

describe('the six services as separate processes', () => {
  it.each(SERVICE_NAMES)('%s exits 1 naming a missing or invalid variable', async (service) => {
    const missing = spawnService(service, { REDIS_URL: 'redis://127.0.0.1:1' });
    expect(await missing.exited()).toBe(1);
    expect(missing.output()).toMatch(/KAFKA_BROKERS: required/);

    const invalid = spawnService(service, {
      KAFKA_BROKERS: '127.0.0.1:1',
      REDIS_URL: 'redis://127.0.0.1:1',
      HTTP_PORT: 'eighty',
    });
    expect(await invalid.exited()).toBe(1);
    expect(invalid.output()).toMatch(/HTTP_PORT: /);
    expect(invalid.output()).not.toMatch(/KAFKA_BROKERS/);
  });

  describe('with Kafka and Redis', () => {
    let kafka: KafkaMockCluster;
    let redis: RedisServerHandle;
    beforeAll(async () => {
      [kafka, redis] = await Promise.all([startKafkaMock({ brokers: 1 }), startRedis()]);
    });
    afterAll(async () => {
      await Promise.all([kafka?.stop(), redis?.stop()]);
    });

    it('boot, serve /health, /ready and /metrics, and stop gracefully on SIGTERM', async () => {
      const running = await Promise.all(
        SERVICE_NAMES.map(async (service) => {
          const port = await freePort();
          const process = spawnService(service, {
            KAFKA_BROKERS: kafka.bootstrapServers,
            REDIS_URL: redis.url,
            HTTP_PORT: String(port),
          });
          return { service, port, process };
        }),
      );
      try {
        for (const { port, process, service } of running) {
          const url = `http://127.0.0.1:${port}`;
          let ready = false;
          const poll = async (): Promise<void> => {
            ready = await fetch(`${url}/ready`).then(
              (r) => r.ok,
              () => false,
            );
          };
          await waitUntil(
            `${service} /ready (output: ${process.output().slice(-500)})`,
            () => {
              void poll();
              return ready;
            },
            60_000,
          );
          expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok' });
          const metrics = await fetch(`${url}/metrics`);
          expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
          const text = await metrics.text();
          expect(text).toMatch(/# TYPE sift_messages_consumed_total counter/);
          expect(text).toMatch(/# TYPE sift_handler_duration_seconds histogram/);
          expect(text).toMatch(new RegExp(`process_cpu_user_seconds_total\\{service="${service}"\\}`));
        }
      } finally {
        running.forEach(({ process }) => process.child.kill('SIGTERM'));
      }
      for (const { process, service } of running) {
        const code = await process.exited();
        expect({ service, code }).toEqual({ service, code: 0 });
        expect(process.output()).toMatch(/SIGTERM received, shutting down/);
      }
    });
  });
});
