import { sessionSummarySchema, type PosthogEvent } from '@sift/contracts';
import { analyzeSessionOffline } from './analyze-session-offline.util';
import {
  ADD_TO_CART,
  blockedCheckout,
  click,
  ORIGIN_URL,
  PAY_BUTTON,
  pageview,
  posthogEvent,
  TOKEN_ERROR,
} from './posthog-events.test-util';

const analyze = (events: PosthogEvent[]) => analyzeSessionOffline({ sessionId: 'session-1', events });

/** A noisy exception on the product page, then a completed order. */
const noisyButSuccessful = [
  pageview(0, '/products/42'),
  posthogEvent(1_000, '$exception', {
    $exception_type: 'Error',
    $exception_message: 'ResizeObserver loop limit exceeded',
  }),
  click(4_000, ADD_TO_CART),
  pageview(8_000, '/checkout'),
  click(15_000, PAY_BUTTON),
  posthogEvent(16_000, 'Order Completed'),
];

describe('analyzeSessionOffline', () => {
  it('flags a blocking exception after clicking Pay, names the click and marks the abandonment', () => {
    const summary = analyze(blockedCheckout);
    expect(summary).toMatchObject({ analyzer: 'offline', model: 'offline', promptVersion: 'offline-v0' });
    expect(summary.segments.map((s) => s.name)).toEqual(['Cart (/cart)', 'Checkout (/checkout)']);
    expect(summary.segments[1]).toMatchObject({
      startEventId: blockedCheckout[2]?.uuid,
      endEventId: blockedCheckout[5]?.uuid,
      meta: {
        durationMs: 24_000,
        eventsCount: 4,
        keyActionsCount: 1,
        exceptionCount: 1,
        abandonmentCount: 1,
      },
    });
    expect(summary.keyActions).toEqual([
      {
        segmentIndex: 1,
        events: [
          {
            eventId: blockedCheckout[4]?.uuid,
            timestamp: '2024-06-01T10:00:20.350Z',
            description: `TypeError: ${TOKEN_ERROR} after clicking button "Pay now"`,
            exception: 'blocking',
            confusion: false,
            abandonment: true,
            msSinceStart: 20_350,
            windowId: 'window-1',
            currentUrl: `${ORIGIN_URL}/checkout`,
            signal: 'exception',
            target: 'button "Pay now"',
            event: '$exception',
          },
        ],
      },
    ]);
    expect(summary.segmentOutcomes.map((o) => o.success)).toEqual([true, false]);
    expect(summary.sessionOutcome).toEqual({
      success: false,
      description: 'Left on /checkout after a blocking TypeError',
    });
  });

  it('keeps a noisy exception non-blocking when the session succeeds', () => {
    const summary = analyze(noisyButSuccessful);
    const actions = summary.keyActions.flatMap((g) => g.events);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      description: 'Error: ResizeObserver loop limit exceeded',
      exception: 'non-blocking',
      abandonment: false,
      signal: 'exception',
    });
    expect(actions[0]?.target).toBeUndefined();
    expect(summary.segmentOutcomes).toEqual([
      { segmentIndex: 0, summary: 'Carried on past 1 flagged moment', success: true },
      { segmentIndex: 1, summary: 'Completed an order', success: true },
    ]);
    expect(summary.sessionOutcome).toEqual({
      success: true,
      description: 'Completed an order despite 1 flagged moment',
    });
  });

  it('gives a clean successful session no key actions and a success outcome', () => {
    const summary = analyze([
      pageview(0, '/pricing'),
      click(3_000, 'a:href="/signup"nth-child="1"text="Start free"'),
      pageview(4_000, '/signup'),
      pageview(20_000, '/welcome/thank-you'),
    ]);
    expect(summary.keyActions).toEqual([]);
    expect(summary.segmentOutcomes.every((o) => o.success)).toBe(true);
    expect(summary.sessionOutcome).toEqual({
      success: true,
      description: 'Reached Welcome thank you (/welcome/thank-you)',
    });
    expect(summary.segments[0]?.meta).toMatchObject({
      durationMs: 4_000,
      durationPercentage: 20,
      eventsPercentage: 50,
    });
  });

  it('puts events before the first pageview into the first segment', () => {
    const summary = analyze([posthogEvent(0, '$identify'), pageview(1_000, '/a'), pageview(2_000, '/b')]);
    expect(summary.segments.map((s) => [s.name, s.meta?.eventsCount])).toEqual([
      ['A (/a)', 2],
      ['B (/b)', 1],
    ]);
  });

  it('is deterministic, passes the contract and rejects an empty session', () => {
    for (const events of [blockedCheckout, noisyButSuccessful]) {
      const summary = analyze(events);
      expect(analyze(structuredClone(events))).toEqual(summary);
      expect(sessionSummarySchema.safeParse(summary).success).toBe(true);
    }
    const hash = 'a'.repeat(64);
    expect(
      analyzeSessionOffline({ sessionId: 's', contentHash: hash, events: blockedCheckout }).contentHash,
    ).toBe(hash);
    expect(() => analyze([])).toThrow(RangeError);
  });
});
