import { buildTimeline, epochMsOf, pathOfUrl } from './session-timeline.util';
import { posthogEvent } from './posthog-events.test-util';

describe('epochMsOf', () => {
  it('reads a timestamp without offset as UTC', () => {
    expect(epochMsOf('2024-06-01T10:01:13')).toBe(Date.parse('2024-06-01T10:01:13Z'));
    expect(epochMsOf('2024-06-01T12:01:13+02:00')).toBe(Date.parse('2024-06-01T10:01:13Z'));
  });
});

describe('pathOfUrl', () => {
  it.each([
    ['https://shop.example.com/checkout?step=2#card', '/checkout'],
    ['https://shop.example.com', '/'],
    ['/products/42?ref=x', '/products/42'],
    ['products', '/products'],
  ])('%s → %s', (url, path) => expect(pathOfUrl(url)).toBe(path));
});

describe('buildTimeline', () => {
  it('sorts stably by time and carries the page forward', () => {
    const a = posthogEvent(0, '$pageview', { $current_url: 'https://x.com/a' });
    const b = posthogEvent(500, 'second');
    const c = posthogEvent(500, 'third');
    const timeline = buildTimeline([b, a, c]);
    expect(timeline.events.map((e) => e.event)).toEqual(['$pageview', 'second', 'third']);
    expect(buildTimeline([c, a, b]).events.map((e) => e.event)).toEqual(['$pageview', 'third', 'second']);
    expect(timeline.paths).toEqual(['/a', '/a', '/a']);
    const t0 = Date.parse(a.timestamp);
    expect(timeline.times).toEqual([t0, t0 + 500, t0 + 500]);
  });
});
