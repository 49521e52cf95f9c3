import { planSessions } from './scale-plan.util';

const DAY_MS = 86_400_000;
const sources = [
  { startMs: 1_000_000, hasRecording: true },
  { startMs: 2_000_000, hasRecording: false },
  { startMs: 3_000_000, hasRecording: true },
];
const options = { sessions: 1000, seed: 7, recordings: 0.1, spreadMs: 7 * DAY_MS };

describe('planSessions', () => {
  const plan = planSessions(sources, options);

  it('uses every source equally often (±1)', () => {
    const counts = sources.map((_, index) => plan.filter((planned) => planned.sourceIndex === index).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('keeps exactly round(sessions × recordings) recordings, only where the source has one', () => {
    const kept = plan.filter((planned) => planned.keepRecording);
    expect(kept).toHaveLength(100);
    expect(kept.every((planned) => sources[planned.sourceIndex]?.hasRecording)).toBe(true);
  });

  it('spreads session starts over the window, starting at the earliest source', () => {
    const starts = plan.map((planned) => (sources[planned.sourceIndex]?.startMs ?? NaN) + planned.offsetMs);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(1_000_000);
    expect(Math.max(...starts)).toBeLessThan(1_000_000 + 7 * DAY_MS);
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThan(6 * DAY_MS);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(planSessions(sources, options)).toEqual(plan);
    expect(planSessions(sources, { ...options, seed: 8 })).not.toEqual(plan);
  });

  it('keeps fewer recordings when too few sources have one', () => {
    const few = planSessions(sources, { ...options, sessions: 9, recordings: 1 });
    expect(few.filter((planned) => planned.keepRecording)).toHaveLength(6);
  });
});
