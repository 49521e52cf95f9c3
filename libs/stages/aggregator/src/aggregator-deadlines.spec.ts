import { reportV1Schema } from '@sift/contracts';
import { LedgerKeys, LedgerRecord, MemoryStateStore, SetOptions } from '@sift/state';
import { setTimeout as sleep } from 'node:timers/promises';
import { AggregatorHarness } from './aggregator.test-util';

jest.setTimeout(20_000);

/** A store that takes `delayMs` to record each result: an aggregator that lags behind its topic. */
class SlowLedgerStore extends MemoryStateStore {
  constructor(private readonly delayMs: number) {
    super();
  }

  override async recordOnce(
    ledger: LedgerKeys,
    member: string,
    status: string,
    value: string,
    options?: SetOptions,
  ): Promise<LedgerRecord> {
    await sleep(this.delayMs);
    return super.recordOnce(ledger, member, status, value, options);
  }
}

describe('aggregator deadlines', () => {
  let harness: AggregatorHarness;
  afterEach(() => harness?.stop());

  it('does not fail sessions whose results were sent before the deadline but not read yet', async () => {
    harness = await new AggregatorHarness({ store: new SlowLedgerStore(60) }).start();
    const sessionIds = Array.from({ length: 12 }, (_, i) => `s${i}`);
    await harness.register('r-lagging', sessionIds, 250);
    // All sent at once, well before the deadline; reading them takes the aggregator ~720 ms.
    await harness.send(await Promise.all(sessionIds.map((id) => harness.succeeded('r-lagging', id))));
    await harness.waitFor('the report', () => harness.reports.length === 1);

    const report = reportV1Schema.parse(harness.reports[0].report);
    expect(report.status).toBe('completed');
    expect(report.sessions).toEqual({ requested: 12, summarized: 12, failed: 0, skipped: [] });
  });

  it('still closes at the deadline when the late results were sent after it', async () => {
    harness = await new AggregatorHarness().start();
    await harness.register('r-late-sent', ['s1', 's2'], 200);
    await harness.send([await harness.succeeded('r-late-sent', 's1')]);
    await harness.waitFor('the report', () => harness.reports.length === 1);

    const report = reportV1Schema.parse(harness.reports[0].report);
    expect(report.sessions).toEqual({ requested: 2, summarized: 1, failed: 1, skipped: [] });
    await harness.send([await harness.succeeded('r-late-sent', 's2')]);
    await sleep(200);
    expect(harness.reports).toHaveLength(1);
  });

  it('gives up waiting for unread results after the grace period', async () => {
    harness = await new AggregatorHarness({
      store: new SlowLedgerStore(150),
      env: { DEADLINE_BACKLOG_GRACE_MS: '100' },
    }).start();
    const sessionIds = Array.from({ length: 20 }, (_, i) => `s${i}`);
    await harness.register('r-grace', sessionIds, 100);
    await harness.send(await Promise.all(sessionIds.map((id) => harness.succeeded('r-grace', id))));
    await harness.waitFor('the report', () => harness.reports.length === 1);

    const { sessions } = reportV1Schema.parse(harness.reports[0].report);
    expect(sessions.failed).toBeGreaterThan(0);
    expect(sessions.summarized + sessions.failed).toBe(20);
  });
});
