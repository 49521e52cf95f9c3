import { posthogEvent } from '../testing/sessions.test-util';
import { parsePosthogEvents } from './posthog-events.util';
import { toIsoTimestamp } from './iso-timestamp.util';

describe('parsePosthogEvents', () => {
  const events = [posthogEvent(1), posthogEvent(2, { event: '$autocapture' })];

  it.each([
    ['a JSON array', events],
    ['the PostHog API shape {results}', { results: events, next: 'https://app.posthog.com/api/...' }],
    ['JSONL pages of {results}', [{ results: [events[0]] }, { results: [events[1]] }]],
  ])('reads %s', (_shape, raw) => {
    const parsed = parsePosthogEvents(raw);
    expect(parsed).toEqual({ items: events, dropped: 0, unrecognized: false });
  });

  it('reads HogQL answers (columns + rows) and properties given as a JSON string', () => {
    const parsed = parsePosthogEvents({
      columns: ['uuid', 'event', 'timestamp', 'distinct_id', 'properties'],
      results: [['u1', '$pageview', '2024-06-01 10:00:00.123456', 'd1', '{"$pathname":"/"}']],
    });
    expect(parsed.items).toEqual([
      {
        uuid: 'u1',
        event: '$pageview',
        timestamp: '2024-06-01T10:00:00.123Z',
        distinct_id: 'd1',
        properties: { $pathname: '/' },
      },
    ]);
  });

  it('renames the API id to uuid and rewrites timestamps as canonical ISO UTC', () => {
    const { uuid: _uuid, ...withoutUuid } = posthogEvent(1);
    const parsed = parsePosthogEvents([
      { ...withoutUuid, id: '0190-abc', timestamp: '2024-06-01T12:00:01.5+02:00' },
    ]);
    expect(parsed.items[0]).toMatchObject({ uuid: '0190-abc', timestamp: '2024-06-01T10:00:01.500Z' });
    expect(parsed.items[0]).not.toHaveProperty('id');
  });

  it('gives an event without any id a uuid derived from its content', () => {
    const { uuid: _uuid, ...withoutUuid } = posthogEvent(1);
    const first = parsePosthogEvents([withoutUuid]).items[0];
    const again = parsePosthogEvents([{ ...withoutUuid }]).items[0];
    expect(first?.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(again?.uuid).toBe(first?.uuid);
  });

  it('drops and counts invalid events, naming the first problem', () => {
    const parsed = parsePosthogEvents([
      posthogEvent(1),
      posthogEvent(2, { timestamp: '01/06/2024 10:00' }),
      { $unparseableLine: 3 },
      'not an event',
    ]);
    expect(parsed.items).toHaveLength(1);
    expect(parsed.dropped).toBe(3);
    expect(parsed.firstProblem).toBe(
      'event 2: timestamp: must be an ISO-8601 date-time, e.g. 2024-06-01T10:00:00.000Z',
    );
  });

  it('names an unparseable JSONL line', () => {
    expect(parsePosthogEvents([{ $unparseableLine: 7 }]).firstProblem).toBe('line 7 is not valid JSON');
  });

  it('does not recognize an object of another shape', () => {
    expect(parsePosthogEvents({ data: [] })).toEqual({
      items: [],
      dropped: 0,
      unrecognized: true,
      firstProblem:
        'events payload is not a JSON array of events, JSONL, or the PostHog API shape {"results": [...]}',
    });
  });
});

describe('toIsoTimestamp', () => {
  it.each([
    ['2024-06-01T10:00:00Z', '2024-06-01T10:00:00.000Z'],
    ['2024-06-01T10:00:00', '2024-06-01T10:00:00.000Z'],
    ['2024-06-01 10:00:00.123456+00:00', '2024-06-01T10:00:00.123Z'],
    ['2024-06-01T12:00+02', '2024-06-01T10:00:00.000Z'],
    ['2024-06-01T05:30:00-0430', '2024-06-01T10:00:00.000Z'],
    [1717236000000, '2024-06-01T10:00:00.000Z'],
  ])('reads %p', (input, iso) => {
    expect(toIsoTimestamp(input)).toBe(iso);
  });

  it.each(['01/06/2024 10:00', 'yesterday', '2024-13-01T10:00:00Z', Number.NaN, null])(
    'rejects %p',
    (input) => {
      expect(toIsoTimestamp(input)).toBeUndefined();
    },
  );
});
