import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MemoryStateStore } from '@sift/state';
import { payloadSourcePolicy } from '../payload/payload-source-policy.util';
import { resolvePayload } from '../payload/resolve-payload.util';
import { MINI_SHOP, posthogEvent, sharedRecording } from '../testing/sessions.test-util';
import {
  normalizedSessionSchema,
  type NormalizedSession,
  type NormalizeResult,
} from './normalized-session.schema';
import { normalizeSession } from './normalize-session.util';
import { CUT_OFF_MS, cutOffMs, MAX_CUT_SHARE } from './session-limits.constants';

function session(result: NormalizeResult): NormalizedSession {
  if (!result.ok) throw new Error(`expected a normalized session, got: ${result.reason}`);
  return normalizedSessionSchema.parse(result.session);
}

const fileUri = (sessionId: string, file: string) => `file://${join(MINI_SHOP, 'sessions', sessionId, file)}`;

describe('normalizeSession', () => {
  it('cuts 5 s at each end, never more than a quarter of the session', () => {
    expect([CUT_OFF_MS, MAX_CUT_SHARE]).toEqual([5000, 0.25]);
    expect([cutOffMs(60_000), cutOffMs(12_000), cutOffMs(4_000)]).toEqual([5000, 3000, 1000]);
  });

  it('keeps a short session that has a user action between its cut-offs', () => {
    const click = posthogEvent(6, {
      uuid: 'click',
      event: '$autocapture',
      properties: { $session_id: 's1', $event_type: 'click' },
    });
    const result = session(
      normalizeSession({
        sessionId: 's1',
        events: [posthogEvent(0), click, posthogEvent(12.3, { uuid: 'end', event: '$pageleave' })],
      }),
    );
    expect(result.durationMs).toBe(12_300);
  });

  it('sorts events, removes exact duplicates and keeps uuids unique', () => {
    const late = posthogEvent(30, { event: '$pageleave' });
    const early = posthogEvent(0);
    const clash = posthogEvent(10, { uuid: 'evt-0', event: 'checkout_started' });
    const reordered = {
      properties: early['properties'],
      distinct_id: 'user-1',
      timestamp: early['timestamp'],
      event: '$pageview',
      uuid: 'evt-0',
    };
    const result = session(
      normalizeSession({ sessionId: 's1', events: [late, early, clash, reordered, { bad: true }] }),
    );
    expect(result.events.map((event) => [event.uuid, event.event])).toEqual([
      ['evt-0', '$pageview'],
      ['evt-0#2', 'checkout_started'],
      ['evt-30', '$pageleave'],
    ]);
    expect(result).toMatchObject({
      startMs: Date.parse(String(early['timestamp'])),
      durationMs: 30_000,
      eventsDerivedFromRecording: false,
      droppedEvents: 1,
      duplicateEvents: 1,
    });
    expect(result.warnings).toEqual([
      '1 invalid event was dropped (first problem: event 5: event: Invalid input: expected string, received undefined)',
      '1 exact duplicate event was removed',
      '1 event shares a uuid with another event: renamed <uuid>#<n>',
    ]);
  });

  it('hashes content independently of key order and of input order', () => {
    const events = [posthogEvent(0), posthogEvent(12, { event: 'search_performed' }), posthogEvent(25)];
    const shuffled = events.map((event) => Object.fromEntries(Object.entries(event).reverse())).reverse();
    const a = session(normalizeSession({ sessionId: 's1', events }));
    const b = session(normalizeSession({ sessionId: 's1', events: shuffled }));
    expect(b.contentHash).toBe(a.contentHash);
    const c = session(
      normalizeSession({ sessionId: 's1', events: [...events.slice(0, 2), posthogEvent(26)] }),
    );
    expect(c.contentHash).not.toBe(a.contentHash);
  });

  it.each([
    [{}, 'the session has no analytics events and no recording'],
    [{ events: [] }, 'the session has no analytics events and no recording'],
    [{ events: { data: 1 } }, /^events payload is not a JSON array of events/],
    [{ events: [{ event: 'x' }, 'y'] }, /^none of the 2 events entries is valid \(first problem: event 1: /],
    [
      {
        recording: [
          { type: 3, timestamp: 1, data: {} },
          { type: 3, timestamp: 30_000, data: {} },
        ],
      },
      'the recording has no full snapshot (rrweb type 2), so it cannot be replayed, and there are no analytics events',
    ],
    [
      { events: [posthogEvent(0), posthogEvent(40, { event: '$pageleave' })] },
      'no user action is left after cutting the first and last 5.0 s of the 40.0 s session (start-up and leaving noise)',
    ],
  ])('rejects %p with a precise reason', (payloads, reason) => {
    const result = normalizeSession({ sessionId: 's1', ...payloads });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.reason).toEqual(typeof reason === 'string' ? reason : expect.stringMatching(reason));
  });

  it('leaves out a recording without a full snapshot when there are events', () => {
    const result = session(
      normalizeSession({
        sessionId: 's1',
        events: [posthogEvent(0), posthogEvent(20, { event: 'search_performed' }), posthogEvent(40)],
        recording: [{ type: 3, timestamp: 1, data: {} }],
      }),
    );
    expect(result.recording).toBeUndefined();
    expect(result.warnings).toContain(
      'the recording has no full snapshot (rrweb type 2) and was left out: it cannot be replayed',
    );
  });

  it('derives events from a real recording when there are none', async () => {
    const result = session(
      normalizeSession({ sessionId: 'posthog-home', recording: await sharedRecording('homepage.json') }),
    );
    expect(result.eventsDerivedFromRecording).toBe(true);
    expect(result.events.filter((event) => event.event === '$pageview')).toHaveLength(1);
    expect(result.events.filter((event) => event.properties.$event_type === 'click')).toHaveLength(6);
    expect(result.recording).toHaveLength(720);
    expect(result.durationMs).toBe(1605819793241 - 1605819569274);
    expect(result.events[0]?.properties.$current_url).toBe('https://posthog.com/');
  });

  describe('on the mini-shop batch', () => {
    const store = new MemoryStateStore();
    const policy = payloadSourcePolicy({ fileRoot: MINI_SHOP });
    const load = async (sessionId: string, withRecording = false) =>
      normalizeSession({
        sessionId,
        events: await resolvePayload(fileUri(sessionId, 'events.jsonl'), store, policy),
        ...(withRecording && {
          recording: await resolvePayload(fileUri(sessionId, 'recording.json'), store, policy),
        }),
      });

    it('normalizes checkout-error-1 with its recording', async () => {
      const result = session(await load('checkout-error-1', true));
      expect(result.events).toHaveLength(20);
      expect(result.recording).toHaveLength(43);
      expect(result.durationMs).toBe(72_040);
      expect(result.events.filter((event) => event.event === '$exception')).toHaveLength(2);
      expect(result.warnings).toEqual([]);
    });

    it('skips too-short, whose only click falls in the cut-off, with the lengths in the reason', async () => {
      expect(await load('too-short')).toEqual({
        ok: false,
        reason:
          'no user action is left after cutting the first and last 3.0 s of the 12.0 s session (start-up and leaving noise)',
      });
    });

    it('keeps the same content hash when the file is re-read', async () => {
      const text = await readFile(join(MINI_SHOP, 'sessions/happy-path/events.jsonl'), 'utf8');
      const reversed = text
        .trim()
        .split('\n')
        .reverse()
        .map((line) => JSON.parse(line) as unknown);
      const fromFile = session(await load('happy-path'));
      expect(session(normalizeSession({ sessionId: 'happy-path', events: reversed })).contentHash).toBe(
        fromFile.contentHash,
      );
    });
  });
});
