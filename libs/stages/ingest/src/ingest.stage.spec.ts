import { batchesTopic } from '@sift/contracts';
import { ReportRegistry, reportKeys } from '@sift/reports';
import { MemoryStateStore } from '@sift/state';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { IngestHarness } from './ingest.test-util';

const MINI_SHOP = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'batches',
  'mini-shop',
  'sessions',
);
const fileUri = (sessionId: string, file: string) => pathToFileURL(join(MINI_SHOP, sessionId, file)).href;

describe('ingest stage', () => {
  let harness: IngestHarness;
  let store: MemoryStateStore;

  beforeEach(async () => {
    store = new MemoryStateStore();
    harness = await new IngestHarness({ PAYLOAD_FILE_ROOT: MINI_SHOP }, store).start();
  });
  afterEach(() => harness.stop());

  it('registers the report, then sends each session to the summarizer or skips it with a reason', async () => {
    await harness.publish({
      reportId: 'r1',
      deadlineSeconds: 60,
      sessions: [
        {
          sessionId: 'checkout-error-1',
          events: fileUri('checkout-error-1', 'events.jsonl'),
          recording: fileUri('checkout-error-1', 'recording.json'),
        },
        { sessionId: 'too-short', events: fileUri('too-short', 'events.jsonl') },
        { sessionId: 'missing', events: fileUri('missing', 'events.jsonl') },
      ],
    });
    await harness.waitForAnswers('r1', 3);
    const { jobs, results } = harness;

    const meta = await new ReportRegistry(store).find('r1');
    expect(meta?.sessionIds).toEqual(['checkout-error-1', 'too-short', 'missing']);
    expect(Date.parse(meta?.deadlineAt ?? '') - Date.parse(meta?.createdAt ?? '')).toBe(60_000);
    expect(jobs).toEqual([
      expect.objectContaining({ sessionId: 'checkout-error-1', recordingRef: expect.any(String) }),
    ]);
    expect(await store.getJson(jobs[0].eventsRef)).toEqual(expect.any(Array));
    const skipped = Object.fromEntries(
      results.map((r) => [r.sessionId, r.status === 'skipped' ? r.reason : r.status]),
    );
    expect(skipped['too-short']).toMatch(/no user action is left after cutting/);
    expect(skipped['missing']).toMatch(/could not load the session/);
  });

  it('answers a malformed batch with a failed report and dead-letters it', async () => {
    await harness.transport.send(batchesTopic.topic, [
      { key: 'r2', value: JSON.stringify({ reportId: 'r2', sessions: [] }) },
    ]);
    await harness.waitFor(
      'a failed report and a dead letter',
      () => harness.reports.length > 0 && harness.deadLetters.length > 0,
    );
    expect(harness.reports[0]).toMatchObject({
      reportId: 'r2',
      status: 'failed',
      failureReason: expect.stringMatching(/rejected.*sessions/s),
    });
    expect(harness.deadLetters[0]).toMatchObject({
      errorCode: 'SCHEMA_INVALID',
      sourceTopic: 'sift.batches.v1',
    });
  });

  it('answers a batch whose report already finished with the stored report, without redoing it', async () => {
    const registry = new ReportRegistry(store);
    await registry.register({
      reportId: 'r3',
      createdAt: '2026-01-01T00:00:00.000Z',
      deadlineAt: '2026-01-01T00:15:00.000Z',
      sessionIds: ['too-short'],
    });
    await store.setJson(reportKeys.document('r3'), completedReport('r3'));
    await harness.publish({
      reportId: 'r3',
      sessions: [{ sessionId: 'too-short', events: fileUri('too-short', 'events.jsonl') }],
    });
    await harness.waitFor('the stored report', () => harness.reports.length > 0);
    expect(harness.reports[0]).toEqual({
      reportId: 'r3',
      status: 'completed',
      reportRef: 'redis://' + reportKeys.document('r3'),
    });
    expect(harness.results).toEqual([]);
  });

  it('leaves a registered report to the aggregator when its batch is dead-lettered later', async () => {
    await new ReportRegistry(store).register({
      reportId: 'r4',
      createdAt: '2026-01-01T00:00:00.000Z',
      deadlineAt: '2026-01-01T00:15:00.000Z',
      sessionIds: ['a'],
    });
    await harness.transport.send(batchesTopic.topic, [
      { key: 'r4', value: JSON.stringify({ reportId: 'r4', sessions: [] }) },
    ]);
    await harness.waitFor('the dead letter', () => harness.deadLetters.length > 0);
    await sleep(20);
    expect(harness.reports).toEqual([]);
  });
});

function completedReport(reportId: string) {
  const noUsage = { llmCalls: 0, inputTokens: 0, outputTokens: 0, clipsRendered: 0 };
  return {
    reportId,
    status: 'completed',
    createdAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    sessions: {
      requested: 1,
      summarized: 0,
      failed: 0,
      skipped: [{ sessionId: 'too-short', reason: 'too short' }],
    },
    patterns: [],
    summaries: [],
    usage: { ...noUsage, byStage: {} },
    timings: { totalMs: 60_000, byStage: {} },
  };
}
