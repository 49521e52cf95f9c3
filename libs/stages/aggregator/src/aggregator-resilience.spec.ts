import { reportV1Schema } from '@sift/contracts';
import { REPORT_STATE_TTL_SECONDS, reportKeys } from '@sift/reports';
import { DEADLINES_KEY, MemoryStateStore, SetOptions, StateStore } from '@sift/state';
import { setTimeout as sleep } from 'node:timers/promises';
import { aggregatorConfigSchema } from './aggregator.config';
import { AggregatorHarness } from './aggregator.test-util';
import { ReportTransitions } from './report-transitions.service';

jest.setTimeout(20_000);

/** Fails the first removal of a `sessions:*` deadline entry: a passing store error, no crash. */
class FailFirstSettle extends MemoryStateStore {
  failed = false;

  override async zrem(key: string, member: string): Promise<boolean> {
    if (!this.failed && key === DEADLINES_KEY && member.startsWith('sessions:')) {
      this.failed = true;
      throw new Error('ECONNRESET (injected)');
    }
    return super.zrem(key, member);
  }
}

/** Fails the first write of a pattern stage's "jobs sent" marker: the sender died right after sending. */
class LosesJobsSentMarker extends MemoryStateStore {
  lost = false;

  override async set(key: string, value: Buffer | string, options?: SetOptions): Promise<void> {
    if (!this.lost && key === reportKeys.patternJobsSent('r-late', 'extract')) {
      this.lost = true;
      throw new Error('ECONNRESET (injected)');
    }
    return super.set(key, value, options);
  }
}

/** A memory store with a clock the test can move forward (TTLs), which survives a harness' stop(). */
class ClockedStore extends MemoryStateStore {
  offsetMs = 0;

  constructor() {
    super({ now: () => Date.now() + this.offsetMs });
  }

  override async close(): Promise<void> {
    // shared by two harnesses, one after the other
  }
}

describe('aggregator resilience', () => {
  let harness: AggregatorHarness | undefined;
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  it('removes deadline entries that name no phase instead of letting them block the index', async () => {
    const store = new MemoryStateStore();
    for (let i = 0; i < 100; i += 1) await store.zadd(DEADLINES_KEY, Date.now() - 60_000 + i, `old-${i}`);
    harness = await new AggregatorHarness({ store }).start();
    await harness.register('r-new', ['s1', 's2'], 200);
    await harness.send([await harness.succeeded('r-new', 's1')]);
    await harness.waitFor('the report closed at its deadline', () => harness?.reports.length === 1);
    expect(await store.zrangeByScore(DEADLINES_KEY, 0, Number.POSITIVE_INFINITY)).toEqual([]);
  });

  it('does not send the pattern jobs again when a transition fails after they left', async () => {
    const store = new FailFirstSettle();
    harness = await new AggregatorHarness({ store }).start();
    await harness.register('r-jobs', ['s1', 's2']);
    await harness.send([await harness.succeeded('r-jobs', 's1'), await harness.succeeded('r-jobs', 's2')]);
    await harness.waitFor('the report', () => harness?.reports.length === 1);
    await sleep(1_000);
    expect(store.failed).toBe(true);
    expect(harness.extractor.jobs).toHaveLength(1);
    expect(await store.zrangeByScore(DEADLINES_KEY, 0, Number.POSITIVE_INFINITY)).toEqual([]);
  });

  it('never sends pattern jobs again for a stage that closed, when the run that sent them left no marker', async () => {
    const store = new LosesJobsSentMarker();
    harness = await new AggregatorHarness({ store }).start();
    await harness.register('r-late', ['s1', 's2', 's3'], 200);
    await harness.send([await harness.succeeded('r-late', 's1'), await harness.succeeded('r-late', 's2')]);
    await harness.waitFor('the report', () => harness?.reports.length === 1);
    await harness.send([await harness.succeeded('r-late', 's3')]); // late: runs the sessions close again
    await sleep(1_000);
    expect(store.lost).toBe(true);
    expect(harness.extractor.jobs).toHaveLength(1);
    expect(await store.zrangeByScore(DEADLINES_KEY, 0, Number.POSITIVE_INFINITY)).toEqual([]);
  });

  it('warns a holder whose renewals fail before its lease can run out, and never lets it complete', async () => {
    const store = new MemoryStateStore();
    const config = aggregatorConfigSchema.parse({ TRANSITION_LEASE_MS: '300' });
    // Replica A cannot reach the store for its renewals.
    const cutOff = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'renewLease') return async () => Promise.reject(new Error('ETIMEDOUT (injected)'));
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as StateStore;
    const [a, b] = [new ReportTransitions(cutOff, config), new ReportTransitions(store, config)];
    const seen: { aAbortedAt?: number; bStartedAt?: number } = {};
    const runA = a.run('r-lease', 'finalized', 'retry-later', async (signal) => {
      signal.addEventListener('abort', () => (seen.aAbortedAt = Date.now()));
      await sleep(1_000);
    });
    await sleep(500); // A's lease ran out at 300 ms
    const runB = b.run('r-lease', 'finalized', 'retry-later', async () => {
      seen.bStartedAt = Date.now();
      await sleep(200);
    });
    const [outcomeA, outcomeB] = await Promise.allSettled([runA, runB]);
    expect(outcomeA).toMatchObject({
      status: 'rejected',
      reason: { message: expect.stringMatching(/lease may be lost/) },
    });
    expect(outcomeB).toEqual({ status: 'fulfilled', value: 'ran' });
    expect(seen.aAbortedAt).toBeLessThan(seen.bStartedAt ?? 0);
    expect(await store.claimLease(reportKeys.transition('r-lease', 'finalized'), 'later', 300)).toBe('done');
  });

  it('keeps the meta as the last key of a finished report, so a re-run after it expired starts afresh', async () => {
    const store = new ClockedStore();
    const first = await new AggregatorHarness({ store }).start();
    const registeredAt = Date.now();
    await first.register('r-again', ['s1']);
    await sleep(1_500); // the report runs a while: its later keys are written well after the meta
    await first.send([await first.succeeded('r-again', 's1')]);
    await first.waitFor('the first report', () => first.reports.length === 1);
    await first.stop();

    const transition = reportKeys.transition('r-again', 'sessions-closed');
    const at = (time: number): void => void (store.offsetMs = time - Date.now());
    at(registeredAt + REPORT_STATE_TTL_SECONDS * 1000 + 500);
    expect(await store.claimLease(transition, 'probe', 100)).toBe('done');
    expect(await store.getJson(reportKeys.meta('r-again'))).not.toBeNull();
    at(registeredAt + REPORT_STATE_TTL_SECONDS * 1000 + 10_000);
    expect(await store.getJson(reportKeys.meta('r-again'))).toBeNull();
    expect(await store.claimLease(transition, 'probe', 100)).toBe('acquired');
    await store.releaseLease(transition, 'probe');

    harness = await new AggregatorHarness({ store }).start();
    await harness.register('r-again', ['s1', 's2']);
    await harness.send([await harness.succeeded('r-again', 's1'), await harness.succeeded('r-again', 's2')]);
    await harness.waitFor('the re-run report', () => harness?.reports.length === 1);
    expect(reportV1Schema.parse(harness.reports[0].report).sessions.requested).toBe(2);
  });
});
