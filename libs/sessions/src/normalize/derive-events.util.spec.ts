import type { RrwebEvent } from '@sift/contracts';
import { parseRrwebRecording } from '../parse/rrweb-recording.util';
import { sharedRecording } from '../testing/sessions.test-util';
import { deriveEventsFromRecording } from './derive-events.util';
import { orderRecording } from './event-order.util';

const T0 = Date.UTC(2024, 5, 1, 10, 0, 0);
const el = (id: number, tagName: string, attributes: Record<string, string>, childNodes: unknown[] = []) => ({
  type: 2,
  id,
  tagName,
  attributes,
  childNodes,
});
const text = (id: number, textContent: string) => ({ type: 3, id, textContent });
const page = {
  type: 0,
  id: 1,
  childNodes: [
    el(2, 'html', {}, [
      el(3, 'body', {}, [
        el(4, 'form', { class: 'checkout', id: 'checkout-form' }, [
          el(5, 'input', { id: 'email', type: 'email' }),
          el(6, 'button', { class: 'btn pay', id: 'pay' }, [el(7, 'span', {}, [text(8, ' Pay  now ')])]),
        ]),
      ]),
    ]),
  ],
};
const at = (ms: number, type: number, data: unknown): RrwebEvent => ({ type, timestamp: T0 + ms, data });
const click = (ms: number, id: number, x = 100, y = 100) => at(ms, 3, { source: 2, type: 2, id, x, y });
const consoleError = (ms: number, message: string) =>
  at(ms, 6, {
    plugin: 'rrweb/console@1',
    payload: { level: 'error', trace: [], payload: [JSON.stringify(message)] },
  });

describe('deriveEventsFromRecording', () => {
  const recording = [
    at(0, 4, { href: 'https://shop.example/checkout?step=1', width: 1280, height: 720 }),
    at(1, 2, { node: page }),
    at(1000, 3, { source: 5, id: 5, text: 'a' }),
    at(1200, 3, { source: 5, id: 5, text: 'ab' }),
    click(2000, 8),
    consoleError(2300, "Uncaught TypeError: Cannot read properties of undefined (reading 'token')"),
    click(2400, 6, 102, 101),
    click(2600, 6, 104, 99),
    at(3000, 3, {
      source: 0,
      adds: [{ parentId: 4, nextId: null, node: el(9, 'p', { class: 'error' }, [text(10, 'Oops')]) }],
    }),
    click(4000, 10),
    consoleError(5000, 'payment widget not ready'),
  ];
  const derived = deriveEventsFromRecording('s1', recording);

  it('derives page views, one change per field, clicks, a rage click and exceptions in order', () => {
    expect(
      derived.map((event) => [
        event.event,
        event.properties.$event_type ?? null,
        Date.parse(event.timestamp) - T0,
      ]),
    ).toEqual([
      ['$pageview', null, 0],
      ['$autocapture', 'change', 1200],
      ['$autocapture', 'click', 2000],
      ['$exception', null, 2300],
      ['$autocapture', 'click', 2400],
      ['$autocapture', 'click', 2600],
      ['$rageclick', null, 2600],
      ['$autocapture', 'click', 4000],
      ['$exception', null, 5000],
    ]);
    expect(derived[0]?.properties).toMatchObject({
      $session_id: 's1',
      $current_url: 'https://shop.example/checkout?step=1',
      $pathname: '/checkout',
      $viewport_width: 1280,
      $lib: 'sift-recording',
    });
  });

  it('resolves the clicked element from the recorded DOM, PostHog-style', () => {
    expect(derived[2]?.properties.$elements_chain).toBe(
      'span:nth-child="1"nth-of-type="1"text="Pay now";' +
        'button.btn.pay:attr__class="btn pay"attr__id="pay"nth-child="2"nth-of-type="1"text="Pay now";' +
        'form.checkout:attr__class="checkout"attr__id="checkout-form"nth-child="1"nth-of-type="1";' +
        'body:nth-child="1"nth-of-type="1"',
    );
    expect(derived[2]?.elements?.[1]).toMatchObject({ tag_name: 'button', text: 'Pay now', attr_id: 'pay' });
    expect(derived[7]?.properties.$elements_chain).toMatch(
      /^p\.error:attr__class="error"nth-child="3"nth-of-type="1"text="Oops";form/,
    );
  });

  it('turns console-plugin errors into $exception_list entries', () => {
    expect(derived[3]?.properties.$exception_list).toEqual([
      {
        type: 'TypeError',
        value: "Cannot read properties of undefined (reading 'token')",
        mechanism: { handled: false, synthetic: false, type: 'onerror' },
      },
    ]);
    expect(derived[8]?.properties.$exception_list?.[0]).toMatchObject({
      type: 'Error',
      value: 'payment widget not ready',
    });
  });

  it('gives deterministic, unique uuids', () => {
    const again = deriveEventsFromRecording('s1', recording);
    expect(again.map((event) => event.uuid)).toEqual(derived.map((event) => event.uuid));
    expect(new Set(derived.map((event) => event.uuid)).size).toBe(derived.length);
    expect(deriveEventsFromRecording('s2', recording)[0]?.uuid).not.toBe(derived[0]?.uuid);
  });

  it.each([
    ['hogflix_session_recording.json', 4, 2, 2],
    ['homepage.json', 1, 6, 2],
    ['with-pageviews.json', 9, 9, 13],
  ])(
    'derives events from the real recording %s: %i page views, %i clicks, %i changes',
    async (file, ...counts) => {
      const items = parseRrwebRecording(await sharedRecording(file)).items;
      const events = deriveEventsFromRecording('real', orderRecording(items));
      const count = (event: string, type?: string) =>
        events.filter((derived) => derived.event === event && derived.properties.$event_type === type).length;
      expect([count('$pageview'), count('$autocapture', 'click'), count('$autocapture', 'change')]).toEqual(
        counts,
      );
      const firstClick = events.find((event) => event.properties.$event_type === 'click');
      expect(firstClick?.properties.$elements_chain).toMatch(/^[a-z0-9-]+[.:].*;body/);
    },
  );
});
