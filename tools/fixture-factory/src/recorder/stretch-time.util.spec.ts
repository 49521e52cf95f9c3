import type { PosthogEvent, RrwebEvent } from '@sift/contracts';
import { analyticsTime, stretchInstant, stretchSession } from './stretch-time.util';

const base = Date.UTC(2026, 2, 2, 9);
const t0 = Date.UTC(2025, 0, 1, 12);

function event(offsetMs: number, name = '$pageview'): PosthogEvent {
  return {
    uuid: `e-${offsetMs}`,
    event: name,
    timestamp: new Date(t0 + offsetMs).toISOString(),
    distinct_id: 'u-1',
    properties: {},
  };
}

describe('stretchInstant', () => {
  it('maps t to base + (t - t0) × factor', () => {
    expect(stretchInstant(t0, t0, { base, factor: 5 })).toBe(base);
    expect(stretchInstant(t0 + 1_000, t0, { base, factor: 5 })).toBe(base + 5_000);
  });
});

describe('analyticsTime', () => {
  it('reads a timestamp without offset as UTC', () => {
    expect(analyticsTime('2026-03-02T09:00:00.000')).toBe(base);
    expect(analyticsTime('2026-03-02T10:00:00.000+01:00')).toBe(base);
  });
});

describe('stretchSession', () => {
  const recording: RrwebEvent[] = [
    { type: 4, timestamp: t0 + 100, data: { href: 'http://127.0.0.1/' } },
    {
      type: 3,
      timestamp: t0 + 2_000,
      data: { source: 1, positions: [{ x: 1, y: 2, id: 3, timeOffset: -40 }] },
      delay: 10,
    },
    { type: 2, timestamp: t0 + 150, data: {} },
  ];
  const events = [event(6_000, 'order_completed'), event(0), event(1_000, '$autocapture')];
  const stretched = stretchSession(events, recording, { base, factor: 5 });

  it('starts at base from the earliest timestamp of either stream and keeps both in step', () => {
    expect(stretched.events[0].timestamp).toBe(new Date(base).toISOString());
    expect(stretched.recording.map((e) => e.timestamp)).toEqual([base + 500, base + 750, base + 10_000]);
    expect(stretched.events.map((e) => e.timestamp)).toEqual(
      [0, 5_000, 30_000].map((offset) => new Date(base + offset).toISOString()),
    );
  });

  it('sorts both streams by time and reports the stretched duration', () => {
    expect(stretched.events.map((e) => e.event)).toEqual(['$pageview', '$autocapture', 'order_completed']);
    expect(stretched.recording.map((e) => e.type)).toEqual([4, 2, 3]);
    expect(stretched.durationMs).toBe(30_000);
  });

  it('stretches rrweb delays and batched mouse positions by the same factor', () => {
    const move = stretched.recording[2];
    expect(move.delay).toBe(50);
    expect(move.data).toEqual({ source: 1, positions: [{ x: 1, y: 2, id: 3, timeOffset: -200 }] });
  });

  it('stretches the page-view duration a $pageleave reports', () => {
    const leave = { ...event(2_000, '$pageleave'), properties: { $prev_pageview_duration: 1.3 } };
    const [stretchedLeave] = stretchSession([leave], [], { base, factor: 5 }).events;
    expect(stretchedLeave.properties.$prev_pageview_duration).toBe(6.5);
  });

  it('leaves the input untouched', () => {
    expect(recording[0].timestamp).toBe(t0 + 100);
    expect(events[0].timestamp).toBe(new Date(t0 + 6_000).toISOString());
  });
});
