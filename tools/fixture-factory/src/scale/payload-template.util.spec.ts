import { buildTemplate, renderTemplate } from './payload-template.util';

const identities = new Map([
  ['session-1', 0],
  ['uuid-1', 1],
]);
const values = { offsetMs: 60_000, identities: ['g-7-0', 'new-uuid'] };

describe('payload templates', () => {
  it('replaces ids, shifts ISO and epoch timestamps, and leaves everything else alone', () => {
    const payload = [
      {
        uuid: 'uuid-1',
        timestamp: '2024-06-03T09:00:00.000Z',
        properties: { $session_id: 'session-1', $pageview_id: 'uuid-1', count: 3, note: 'session-1 is here' },
      },
      { type: 3, timestamp: 1717405200000, data: { timestamp: 5, x: 1717405200000 } },
    ];
    const text = renderTemplate(buildTemplate(payload, identities, 'json'), values);
    expect(JSON.parse(text)).toEqual([
      {
        uuid: 'new-uuid',
        timestamp: '2024-06-03T09:01:00.000Z',
        properties: { $session_id: 'g-7-0', $pageview_id: 'new-uuid', count: 3, note: 'session-1 is here' },
      },
      { type: 3, timestamp: 1717405260000, data: { timestamp: 5, x: 1717405200000 } },
    ]);
  });

  it('writes JSONL with one entry per line and canonical UTC times', () => {
    const payload = [{ a: '2024-06-03T11:00:00+02:00' }, { b: 'uuid-1', nested: [{ c: 'session-1' }] }];
    const text = renderTemplate(buildTemplate(payload, identities, 'lines'), values);
    expect(text).toBe('{"a":"2024-06-03T09:01:00.000Z"}\n{"b":"new-uuid","nested":[{"c":"g-7-0"}]}\n');
  });

  it('escapes replacement ids as JSON strings', () => {
    const text = renderTemplate(buildTemplate({ id: 'uuid-1' }, identities, 'json'), {
      offsetMs: 0,
      identities: ['x', 'quote"d'],
    });
    expect(JSON.parse(text)).toEqual({ id: 'quote"d' });
  });

  it('refuses a payload that contains the template marker', () => {
    expect(() => buildTemplate({ text: 'a\u241fb' }, identities, 'json')).toThrow(/marker/);
  });
});
