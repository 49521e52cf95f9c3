import { reportV1Schema, sessionResultsTopic } from '@sift/contracts';
import { AggregatorHarness, HarnessOptions } from './aggregator.test-util';

jest.setTimeout(15_000);

describe('aggregator stage, failing reports', () => {
  let harness: AggregatorHarness;
  const start = async (options?: HarnessOptions) => (harness = await new AggregatorHarness(options).start());
  afterEach(() => harness?.stop());

  it('fails a report when fewer than half of its sessions were summarized', async () => {
    await start();
    await harness.register('r-weak', ['s1', 's2', 's3', 's4']);
    const failed = (sessionId: string) => ({
      reportId: 'r-weak',
      sessionId,
      status: 'failed' as const,
      reason: 'model returned invalid YAML',
    });
    await harness.send([await harness.succeeded('r-weak', 's1'), failed('s2'), failed('s3'), failed('s4')]);
    await harness.waitFor('the report', () => harness.reports.length === 1);

    const [message] = harness.reports;
    expect(message.status).toBe('failed');
    expect(message.failureReason).toBe(
      'only 1 of 4 sessions were summarized (25%), below the 50% threshold for a report',
    );
    const report = reportV1Schema.parse(message.report);
    expect(report.failureReason).toBe(message.failureReason);
    expect(report.sessions).toEqual({ requested: 4, summarized: 1, failed: 3, skipped: [] });
    expect(report.summaries).toHaveLength(1);
    expect(report.patterns).toEqual([]);
    expect(report.warnings).toEqual(['3 sessions failed: model returned invalid YAML (s2, s3, s4)']);
    expect(harness.extractor.jobs).toEqual([]);
  });

  it('fails a report whose sessions were all skipped', async () => {
    await start();
    await harness.register('r-skip', ['s1', 's2']);
    const skipped = (sessionId: string) => ({
      reportId: 'r-skip',
      sessionId,
      status: 'skipped' as const,
      reason: 'no events',
    });
    await harness.send([skipped('s1'), skipped('s2')]);
    await harness.waitFor('the report', () => harness.reports.length === 1);

    expect(harness.reports[0].failureReason).toBe(
      'no session could be analyzed: all 2 sessions were skipped',
    );
    expect(reportV1Schema.parse(harness.reports[0].report).sessions.skipped).toHaveLength(2);
  });

  it('fails a report when its pattern chunks failed', async () => {
    await start({ answer: 'fail' });
    await harness.register('r-chunks', ['s1', 's2']);
    await harness.send([
      await harness.succeeded('r-chunks', 's1'),
      await harness.succeeded('r-chunks', 's2'),
    ]);
    await harness.waitFor('the report', () => harness.reports.length === 1);

    expect(harness.reports[0].failureReason).toBe(
      'pattern extraction failed for 1 of 1 chunks: model output is not valid YAML',
    );
    const report = reportV1Schema.parse(harness.reports[0].report);
    expect(report.sessions).toMatchObject({ requested: 2, summarized: 2, failed: 0 });
  });

  it('dead-letters session results of unregistered reports and of sessions not in the report', async () => {
    await start();
    await harness.register('r-known', ['s1']);
    await harness.send([
      { reportId: 'r-unknown', sessionId: 's1', status: 'skipped', reason: 'no events' },
      { reportId: 'r-known', sessionId: 's9', status: 'skipped', reason: 'no events' },
    ]);
    await harness.waitFor('two dead letters', () => harness.deadLetters.length === 2);

    const byCode = Object.fromEntries(harness.deadLetters.map((letter) => [letter.errorCode, letter]));
    expect(byCode['UNKNOWN_REPORT']).toMatchObject({
      sourceTopic: sessionResultsTopic.topic,
      key: 'r-unknown',
    });
    expect(byCode['UNKNOWN_SESSION']).toMatchObject({
      sourceTopic: sessionResultsTopic.topic,
      key: 'r-known',
    });
    expect(harness.reports).toEqual([]);
  });

  it('finalizes a report whose pattern chunks never answer at the pattern deadline', async () => {
    await start({ answer: 'never', env: { PATTERN_STAGE_TIMEOUT_MS: '300' } });
    await harness.register('r-stuck', ['s1']);
    await harness.send([await harness.succeeded('r-stuck', 's1')]);
    await harness.waitFor('the report', () => harness.reports.length === 1);

    const [message] = harness.reports;
    expect(harness.extractor.jobs).toHaveLength(1);
    expect(message.status).toBe('failed');
    expect(message.failureReason).toBe('pattern extraction failed for 1 of 1 chunks: no result recorded');
    expect(reportV1Schema.parse(message.report).sessions.summarized).toBe(1);
  });
});
