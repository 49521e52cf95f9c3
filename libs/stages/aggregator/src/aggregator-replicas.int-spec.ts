import { ReportMessage, reportV1Schema } from '@sift/contracts';
import { RedisServerHandle, startRedis } from '@sift/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { AggregatorReplicas } from './aggregator-replicas.test-util';

jest.setTimeout(120_000);

const REPORTS = 200;

/** How the announcements of each report came out: the figures the closing notes quote. */
function tally(reports: readonly ReportMessage[]) {
  const byId = new Map<string, ReportMessage[]>();
  reports.forEach((report) => byId.set(report.reportId, [...(byId.get(report.reportId) ?? []), report]));
  const announcedTwice = [...byId.values()].filter((messages) => messages.length > 1);
  const conflicting = announcedTwice.filter(
    (messages) => new Set(messages.map((m) => JSON.stringify(m))).size > 1,
  );
  return { ids: byId.size, announcedTwice: announcedTwice.length, conflicting: conflicting.length };
}

describe('two aggregator replicas on one Redis', () => {
  let redis: RedisServerHandle;
  let replicas: AggregatorReplicas | undefined;
  let run = 0;
  const start = async (env: NodeJS.ProcessEnv, overlapping = false) => {
    run += 1;
    replicas = await new AggregatorReplicas(redis.url, `run${run}:`).start(2, env, overlapping);
    return replicas;
  };

  /** 200 reports of 3 sessions, every result sent `copies` times at once: one complete report each. */
  async function expectOneReportEach(scenario: string, cluster: AggregatorReplicas, copies: number) {
    const ids = Array.from({ length: REPORTS }, (_, i) => `r-${i}`);
    const sessions = ['s1', 's2', 's3'];
    await Promise.all(ids.map((id) => cluster.register(id, sessions, 60_000)));
    const results = await Promise.all(ids.flatMap((id) => sessions.map((s) => cluster.succeeded(id, s))));
    const sent = Array.from({ length: copies }, () => results).flat();
    await Promise.all(sent.map((result) => cluster.send(result)));

    await cluster.waitFor(
      () => `${REPORTS} reports (got ${tally(cluster.reports).ids})`,
      () => tally(cluster.reports).ids === REPORTS,
      60_000,
    );
    await sleep(500);
    const figures = tally(cluster.reports);
    console.log(
      `two replicas, ${scenario}: ${JSON.stringify({ ...figures, patternJobs: cluster.extractor.jobs.length })}`,
    );
    expect(figures).toEqual({ ids: REPORTS, announcedTwice: 0, conflicting: 0 });
    expect(cluster.extractor.jobs).toHaveLength(REPORTS);
    for (const message of cluster.reports) {
      const report = reportV1Schema.parse(message.report);
      expect({ id: report.reportId, status: report.status, sessions: report.sessions }).toEqual({
        id: report.reportId,
        status: 'completed',
        sessions: { requested: 3, summarized: 3, failed: 0, skipped: [] },
      });
    }
  }

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterEach(async () => {
    await replicas?.stop();
    replicas = undefined;
  });
  afterAll(() => redis?.stop());

  describe.each([1, 2, 3])('round %i', () => {
    it('announce each of 200 reports once, with exact counts, when every result arrives twice and at once', async () => {
      await expectOneReportEach('duplicated results', await start({ REPORT_DEADLINE_SWEEP_MS: '20' }), 2);
    });

    it('announce each report once even when both replicas receive every result (overlapping delivery)', async () => {
      const cluster = await start({ REPORT_DEADLINE_SWEEP_MS: '20' }, true);
      await expectOneReportEach('overlapping delivery', cluster, 1);
    });

    it('never fail a report whose last result lands within 15 ms of its deadline', async () => {
      const cluster = await start({ REPORT_DEADLINE_SWEEP_MS: '5', PATTERN_STAGE_TIMEOUT_MS: '60000' });
      const deadlineMs = 100;
      const ids = Array.from({ length: REPORTS }, (_, i) => `r-edge-${i}`);
      await Promise.all(
        ids.map(async (id, i) => {
          const [first, last] = [await cluster.succeeded(id, 's1'), await cluster.succeeded(id, 's2')];
          await cluster.register(id, ['s1', 's2'], deadlineMs);
          await cluster.send(first);
          await sleep(deadlineMs - 15 + (i % 31));
          await cluster.send(last);
        }),
      );

      await cluster.waitFor(
        () => `${REPORTS} reports (got ${tally(cluster.reports).ids})`,
        () => tally(cluster.reports).ids === REPORTS,
        60_000,
      );
      await sleep(500);
      const figures = tally(cluster.reports);
      const failed = cluster.reports.filter((report) => report.status === 'failed');
      console.log(
        `two replicas, results at the deadline: ${JSON.stringify({ ...figures, failed: failed.length, firstFailure: failed[0]?.failureReason })}`,
      );
      expect(figures).toEqual({ ids: REPORTS, announcedTwice: 0, conflicting: 0 });
      expect(failed.map((report) => report.failureReason)).toEqual([]);
      for (const message of cluster.reports) {
        const { sessions } = reportV1Schema.parse(message.report);
        expect(sessions.requested).toBe(2);
        expect(sessions.summarized + sessions.failed).toBe(2);
      }
    });
  });
});
