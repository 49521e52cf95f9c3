import { comparePatterns, patternSchema } from '@sift/contracts';
import { groupPatterns } from './group-patterns.util';
import { cleanSessions, rageOnAddToCart, summaryWith, tokenError } from './session-summaries.test-util';

const CHECKOUT = 'https://shop.example.com/checkout';

describe('groupPatterns', () => {
  const sessionB = summaryWith('session-b', [tokenError(`${CHECKOUT}?step=2`, true)], {
    segmentOutcomes: [true, false],
  });
  const sessionA = summaryWith('session-a', [tokenError(CHECKOUT), tokenError(CHECKOUT, true)]);
  const summaries = [sessionB, sessionA, ...cleanSessions(2)];

  it('groups the same exception on /checkout across sessions into one pattern', () => {
    const patterns = groupPatterns({ summaries, summarizedSessions: 4 });
    expect(patterns).toHaveLength(1);
    const [pattern] = patterns;
    expect(pattern).toMatchObject({
      name: 'TypeError on /checkout after clicking button "Pay now"',
      severity: 'critical',
      sessionIds: ['session-a', 'session-b'],
      stats: { sessionsAffected: 2, sessionsAffectedRatio: 0.5, occurrences: 3, segmentsSuccessRatio: 1 / 3 },
    });
    expect(pattern?.id).toMatch(/^p-[0-9a-f]{10}$/);
    expect(pattern?.examples.map((e) => [e.sessionId, e.eventId, e.flags])).toEqual([
      ['session-a', 'session-a-e0', ['blocking-exception']],
      ['session-b', 'session-b-e0', ['blocking-exception', 'abandonment']],
    ]);
    expect(pattern?.indicators).toEqual([
      `$exception TypeError: Cannot read properties of undefined (reading 'token')`,
      'within 2 s after clicking button "Pay now"',
      'on /checkout',
    ]);
    expect(pattern?.description).toBe(
      'Seen in 2 of 4 sessions (50%), 3 occurrences in total. Flagged as blocking exception ×3, abandonment ×2.',
    );
    expect(patternSchema.safeParse(pattern).success).toBe(true);
  });

  it('normalizes page paths, so /products/1 and /products/2 group together', () => {
    const patterns = groupPatterns({
      summaries: [
        summaryWith('s1', [rageOnAddToCart('https://shop.example.com/products/1')]),
        summaryWith('s2', [rageOnAddToCart('https://shop.example.com/products/2?ref=home')]),
      ],
      summarizedSessions: 10,
    });
    expect(patterns.map((p) => [p.name, p.severity, p.stats.sessionsAffected])).toEqual([
      ['Rage clicks on button "Add to cart" on /products/:id', 'medium', 2],
    ]);
    expect(patterns[0]?.indicators).toEqual([
      '3+ clicks within 1 s on button "Add to cart"',
      'on /products/:id',
    ]);
  });

  it('ignores unflagged actions and groups by the first flag when there is no signal', () => {
    const patterns = groupPatterns({
      summaries: [summaryWith('s1', [{}, { abandonment: true, currentUrl: '/pricing' }])],
      summarizedSessions: 1,
    });
    expect(patterns.map((p) => [p.name, p.severity, p.stats.occurrences])).toEqual([
      ['Abandonment on /pricing', 'high', 1],
    ]);
  });

  it('keeps clips and validations of the example', () => {
    const clip = { uri: 'file:///tmp/clip.mp4', durationMs: 12_000, startMs: 0 };
    const validation = { status: 'confirmed' as const, reason: 'An error banner is visible' };
    const [pattern] = groupPatterns({
      summaries: [summaryWith('s1', [{ ...tokenError(CHECKOUT), clip, validation }])],
      summarizedSessions: 1,
    });
    expect(pattern?.examples[0]).toMatchObject({ clip, validation });
  });

  it('is deterministic and independent of the summaries order', () => {
    const once = groupPatterns({ summaries, summarizedSessions: 4 });
    expect(groupPatterns({ summaries: [...summaries].reverse(), summarizedSessions: 4 })).toEqual(once);
    expect(groupPatterns({ summaries: structuredClone(summaries), summarizedSessions: 4 })).toEqual(once);
  });

  it('keeps ratios within 0..1 and counts a repeated summary once', () => {
    const [pattern] = groupPatterns({ summaries: [sessionA, sessionA], summarizedSessions: 0 });
    expect(pattern?.stats).toMatchObject({ sessionsAffected: 1, sessionsAffectedRatio: 1, occurrences: 2 });
    expect(groupPatterns({ summaries: [], summarizedSessions: 0 })).toEqual([]);
  });
});

describe('groupPatterns severity and order', () => {
  const blockingIn = (n: number, url: string) =>
    Array.from({ length: n }, (_, i) =>
      summaryWith(`s${url.replace(/\W/g, '')}-${i}`, [tokenError(`https://x.com${url}`)]),
    );
  const rageIn = (n: number, url: string) =>
    Array.from({ length: n }, (_, i) =>
      summaryWith(`s${url.replace(/\W/g, '')}-r${i}`, [rageOnAddToCart(`https://x.com${url}`)]),
    );

  it('caps a critical pattern seen in 2 of 100 sessions at high, keeps it critical at 3 of 100', () => {
    const rare = groupPatterns({
      summaries: [...blockingIn(2, '/pay'), ...cleanSessions(98)],
      summarizedSessions: 100,
    });
    expect(rare[0]?.severity).toBe('high');
    const seen = groupPatterns({
      summaries: [...blockingIn(3, '/pay'), ...cleanSessions(97)],
      summarizedSessions: 100,
    });
    expect(seen[0]?.severity).toBe('critical');
  });

  it('raises a medium pattern in more than half the sessions to high', () => {
    expect(groupPatterns({ summaries: rageIn(6, '/a'), summarizedSessions: 10 })[0]?.severity).toBe('high');
    expect(groupPatterns({ summaries: rageIn(5, '/a'), summarizedSessions: 10 })[0]?.severity).toBe('medium');
  });

  it('sorts critical → high → medium → low, then by sessions affected', () => {
    const noisy = summaryWith('noisy', [
      { exception: 'non-blocking', signal: 'exception', currentUrl: '/home' },
    ]);
    const patterns = groupPatterns({
      summaries: [noisy, ...rageIn(2, '/b'), ...rageIn(3, '/a'), ...blockingIn(2, '/pay')],
      summarizedSessions: 10,
    });
    expect(patterns.map((p) => [p.severity, p.stats.sessionsAffected])).toEqual([
      ['critical', 2],
      ['medium', 3],
      ['medium', 2],
      ['low', 1],
    ]);
    expect([...patterns].sort(comparePatterns)).toEqual(patterns);
    for (const pattern of patterns) expect(patternSchema.safeParse(pattern).success).toBe(true);
  });
});
