import { reportV1Schema } from '@sift/contracts';
import { RedisServerHandle, freePort, startRedis, waitUntil } from '@sift/testing';
import Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { AggregatorReplicas } from './aggregator-replicas.test-util';

jest.setTimeout(60_000);

describe('aggregator through a store outage', () => {
  let redis: RedisServerHandle;
  let admin: Redis;
  let cluster: AggregatorReplicas | undefined;

  beforeAll(async () => {
    redis = await startRedis();
    admin = new Redis(redis.url);
  });
  afterAll(async () => {
    await cluster?.stop();
    admin?.disconnect();
    await redis?.stop();
  });

  it('waits out 6 s of refused writes (a failover) without dead-lettering a result', async () => {
    const replicas = await new AggregatorReplicas(redis.url, 'outage:').start(1, {
      REPORT_DEADLINE_SWEEP_MS: '100',
    });
    cluster = replicas;
    const sessions = Array.from({ length: 10 }, (_, i) => `s${i}`);
    await replicas.register('r-outage', sessions, 60_000);
    const results = await Promise.all(sessions.map((s) => replicas.succeeded('r-outage', s)));
    for (const result of results.slice(0, 5)) await replicas.send(result);
    await sleep(300);

    // The server turns replica of a master that is not there: every write answers READONLY, data stays.
    await admin.replicaof('127.0.0.1', await freePort());
    for (const result of results.slice(5)) await replicas.send(result);
    await sleep(6_000);
    expect(replicas.reports).toEqual([]);
    await admin.replicaof('NO', 'ONE');

    await waitUntil('the report after the outage', () => replicas.reports.length === 1, 30_000);
    const report = reportV1Schema.parse(replicas.reports[0].report);
    expect({ status: report.status, sessions: report.sessions }).toEqual({
      status: 'completed',
      sessions: { requested: 10, summarized: 10, failed: 0, skipped: [] },
    });
    expect(replicas.deadLetters).toEqual([]);
  });
});
