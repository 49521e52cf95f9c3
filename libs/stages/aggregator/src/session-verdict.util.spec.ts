import { fixtures } from '@sift/contracts';
import { SessionRecord } from './aggregator-state.schema';
import { chunksFailureReason, failureWarnings, sessionsFailureReason } from './session-verdict.util';
import { sumUsage } from './usage-sum.util';

function records(succeeded: number, failed: number, skipped = 0): SessionRecord[] {
  const make = (status: 'succeeded' | 'failed' | 'skipped', count: number) =>
    Array.from({ length: count }, (_, i) => ({
      sessionId: `${status}-${i}`,
      outcome: status === 'succeeded' ? { status, summaryRef: `ref-${i}` } : { status, reason: 'why' },
    }));
  return [...make('succeeded', succeeded), ...make('failed', failed), ...make('skipped', skipped)];
}

describe('report thresholds', () => {
  it('lets a report go on at exactly the session threshold, leaving skipped sessions out of the ratio', () => {
    expect(sessionsFailureReason(records(2, 2), 0.5)).toBeUndefined();
    expect(sessionsFailureReason(records(1, 1, 5), 0.5)).toBeUndefined();
    expect(sessionsFailureReason(records(1, 2, 1), 0.5)).toBe(
      'only 1 of 3 sessions were summarized (33%; 1 skipped not counted), below the 50% threshold for a report',
    );
  });

  it('never shows a ratio just below the threshold as equal to it', () => {
    expect(sessionsFailureReason(records(999, 1001), 0.5)).toContain('(49%), below the 50% threshold');
  });

  it('applies the chunk threshold', () => {
    expect(chunksFailureReason(['x'], 4, 0.75)).toBeUndefined();
    expect(chunksFailureReason(['x', 'y'], 4, 0.75)).toBe('pattern extraction failed for 2 of 4 chunks: x');
  });

  it('groups failed sessions by reason and keeps long lists short', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ sessionId: `s${i}`, reason: 'timeout' }));
    expect(failureWarnings([...many, { sessionId: 'a', reason: 'bad YAML' }])).toEqual([
      '12 sessions failed: timeout (s0, s1, s2, s3, s4, s5, s6, s7, s8, s9 and 2 more)',
      '1 session failed: bad YAML (a)',
    ]);
  });
});

describe('sumUsage', () => {
  it('adds totals and stages, with a cost only where one was known', () => {
    const { sessionUsage } = fixtures;
    const free = { llmCalls: 1, inputTokens: 10, outputTokens: 1, clipsRendered: 0, byStage: {} };
    const total = sumUsage([sessionUsage, sessionUsage, free]);
    expect(total).toMatchObject({ llmCalls: 5, inputTokens: 10_430, clipsRendered: 2 });
    expect(total.costUsd).toBeCloseTo(0.0062);
    expect(total.byStage['summarize']).toMatchObject({ llmCalls: 2, inputTokens: 8_200 });
    expect(sumUsage([])).toEqual({
      llmCalls: 0,
      inputTokens: 0,
      outputTokens: 0,
      clipsRendered: 0,
      byStage: {},
    });
  });
});
