import { reportV1Schema, SessionResultInput, storeRefFromUri } from '@sift/contracts';
import { reportKeys } from '@sift/reports';
import { setTimeout as sleep } from 'node:timers/promises';
import { AggregatorHarness, HarnessOptions } from './aggregator.test-util';

jest.setTimeout(15_000);

describe('aggregator stage', () => {
  let harness: AggregatorHarness;
  const start = async (options?: HarnessOptions) => (harness = await new AggregatorHarness(options).start());
  afterEach(() => harness?.stop());

  /** s1..s3 succeeded, s4 skipped. */
  async function fourSessions(reportId: string): Promise<SessionResultInput[]> {
    return [
      await harness.succeeded(reportId, 's1'),
      await harness.succeeded(reportId, 's2'),
      await harness.succeeded(reportId, 's3'),
      { reportId, sessionId: 's4', status: 'skipped', reason: 'session is 6.2 s long (minimum 10 s)' },
    ];
  }

  it('completes a report once every session reported and the pattern chunk came back', async () => {
    await start();
    await harness.register('r-ok', ['s1', 's2', 's3', 's4']);
    await harness.send(await fourSessions('r-ok'));
    await harness.waitFor('the report', () => harness.reports.length === 1);

    const [message] = harness.reports;
    expect(message).toMatchObject({ reportId: 'r-ok', status: 'completed' });
    const report = reportV1Schema.parse(message.report);
    expect(report.sessions).toEqual({
      requested: 4,
      summarized: 3,
      failed: 0,
      skipped: [{ sessionId: 's4', reason: 'session is 6.2 s long (minimum 10 s)' }],
    });
    expect(report.summaries.map((summary) => summary.sessionId)).toEqual(['s1', 's2', 's3']);
    expect(report.patterns.map((pattern) => pattern.sessionIds)).toEqual([['s1']]);
    expect(report.usage.llmCalls).toBe(3 * 2);
    expect(report.question).toBe('Why do users abandon checkout?');
    expect(harness.extractor.jobs).toEqual([
      expect.objectContaining({ stage: 'extract', chunkId: 'extract-0', chunkCount: 1 }),
    ]);
    expect(await harness.store.getJson(reportKeys.document('r-ok'), reportV1Schema)).toEqual(report);
  });

  it('sends exactly one report when every session and pattern result is delivered twice', async () => {
    await start({ resultCopies: 2 });
    await harness.register('r-dup', ['s1', 's2', 's3', 's4']);
    const [s1, s2, s3, s4] = await fourSessions('r-dup');
    await harness.send([s1, s2, s1, s3, s2, s4, s3, s4]);
    await harness.waitFor('the report', () => harness.reports.length === 1);
    await harness.send([s4, s1]);
    await sleep(300);

    expect(harness.reports).toHaveLength(1);
    expect(harness.extractor.jobs).toHaveLength(1);
    const report = reportV1Schema.parse(harness.reports[0].report);
    expect(report.status).toBe('completed');
    expect(report.sessions).toMatchObject({ requested: 4, summarized: 3, failed: 0 });
    expect(report.sessions.skipped).toHaveLength(1);
    expect(report.usage.llmCalls).toBe(3 * 2);
  });

  it('fails the sessions that never reported once the deadline passed, and finishes without them', async () => {
    await start();
    const registeredAt = Date.now();
    await harness.register('r-late', ['s1', 's2', 's3'], 300);
    await harness.send([await harness.succeeded('r-late', 's1'), await harness.succeeded('r-late', 's2')]);
    await harness.waitFor('the report', () => harness.reports.length === 1);

    expect(Date.now() - registeredAt).toBeGreaterThanOrEqual(300);
    const report = reportV1Schema.parse(harness.reports[0].report);
    expect(report.status).toBe('completed');
    expect(report.sessions).toEqual({ requested: 3, summarized: 2, failed: 1, skipped: [] });
    expect(report.warnings).toEqual(['1 session failed: did not finish before the report deadline (s3)']);
    const outcomes = await harness.store.ledgerEntries(reportKeys.ledger('r-late', 'sessions'));
    expect(JSON.parse(outcomes.get('s3') ?? 'null')).toEqual({
      status: 'failed',
      reason: 'did not finish before the report deadline',
    });

    // A result arriving after the close changes nothing.
    await harness.send([await harness.succeeded('r-late', 's3')]);
    await sleep(200);
    expect(harness.reports).toHaveLength(1);
  });

  it('resumes a close that a crash interrupted once its lease runs out, when the last result is redelivered', async () => {
    await start({ env: { TRANSITION_LEASE_MS: '300' } });
    await harness.register('r-crash', ['s1', 's2']);
    const results = [await harness.succeeded('r-crash', 's1'), await harness.succeeded('r-crash', 's2')];
    // The state a replica that died right after claiming the close leaves behind: both outcomes
    // recorded, the close's lease taken, nothing sent.
    const ledger = reportKeys.ledger('r-crash', 'sessions');
    for (const { sessionId, summaryRef } of results) {
      await harness.store.recordOnce(
        ledger,
        sessionId,
        'succeeded',
        JSON.stringify({ status: 'succeeded', summaryRef }),
      );
    }
    const lease = reportKeys.transition('r-crash', 'sessions-closed');
    expect(await harness.store.claimLease(lease, 'replica-that-died', 300)).toBe('acquired');
    const redelivered = Date.now();
    await harness.send(results.slice(1));
    await harness.waitFor('the report', () => harness.reports.length === 1);

    expect(Date.now() - redelivered).toBeGreaterThanOrEqual(250);
    expect(harness.reports[0]).toMatchObject({ status: 'completed' });
    expect(reportV1Schema.parse(harness.reports[0].report).sessions.summarized).toBe(2);
    expect(harness.extractor.jobs).toHaveLength(1);
  });

  it('publishes a report too large for a message by reference to the stored document', async () => {
    await start({ env: { REPORT_INLINE_MAX_BYTES: '512' } });
    await harness.register('r-big', ['s1', 's2', 's3', 's4']);
    await harness.send(await fourSessions('r-big'));
    await harness.waitFor('the report', () => harness.reports.length === 1);

    const [message] = harness.reports;
    expect(message.report).toBeUndefined();
    expect(message.reportRef).toBe(`redis://${reportKeys.document('r-big')}`);
    const stored = await harness.store.getJson(
      storeRefFromUri(message.reportRef ?? '') ?? '',
      reportV1Schema,
    );
    expect(stored).toMatchObject({ reportId: 'r-big', status: 'completed', sessions: { summarized: 3 } });
  });
});
