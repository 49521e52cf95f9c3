import { sessionSummarySchema, type PosthogEvent } from '@sift/contracts';
import { analyzeSessionOffline } from './analyze-session-offline.util';
import { ADD_TO_CART, click, pageview, rageclick } from './posthog-events.test-util';

const PAGE = '/products/42';
const analyze = (events: PosthogEvent[]) => analyzeSessionOffline({ sessionId: 'session-1', events });
const actionsOf = (events: PosthogEvent[]) => analyze(events).keyActions.flatMap((g) => g.events);
const burst = (times: number[], chain = ADD_TO_CART) => times.map((ms) => click(ms, chain, PAGE));

describe('rage clicks', () => {
  it('flags 3+ autocaptured clicks on one element within 1 s as one confused moment', () => {
    const clicks = burst([10_000, 10_200, 10_400, 10_600, 10_800]);
    const actions = actionsOf([pageview(0, PAGE), ...clicks]);
    expect(actions).toEqual([
      expect.objectContaining({
        eventId: clicks[0]?.uuid,
        description: 'Rage-clicked button "Add to cart" 5 times in 0.8 s',
        signal: 'rage-click',
        target: 'button "Add to cart"',
        exception: null,
        confusion: true,
        abandonment: true,
        event: '$autocapture',
        eventType: 'click',
      }),
    ]);
  });

  it('treats a $rageclick inside an autocapture burst as the same burst', () => {
    const events = [pageview(0, PAGE), ...burst([10_000, 10_200, 10_400]), rageclick(10_410, ADD_TO_CART)];
    events.push(...burst([10_600]));
    const actions = actionsOf(events);
    expect(actions).toHaveLength(1);
    expect(actions[0]?.description).toBe('Rage-clicked button "Add to cart" 4 times in 0.6 s');
  });

  it('flags a lone $rageclick (PostHog detected it in the browser)', () => {
    const submit = 'button:nth-child="1"text="Submit"';
    const actions = actionsOf([pageview(0, '/signup'), rageclick(5_000, submit)]);
    expect(actions).toEqual([
      expect.objectContaining({
        description: 'Rage-clicked button "Submit" (3+ clicks within 1 s)',
        signal: 'rage-click',
        event: '$rageclick',
        currentUrl: 'https://shop.example.com/signup',
      }),
    ]);
  });

  it('counts separate bursts separately and ignores slow or scattered clicks', () => {
    const other = 'a.nav-link:href="/help"nth-child="1"';
    const slow = burst([0, 900, 1_800]);
    const scattered = [click(5_000, ADD_TO_CART), click(5_100, other), click(5_200, ADD_TO_CART)];
    expect(actionsOf([pageview(0, PAGE), ...slow, ...scattered])).toEqual([]);
    const twice = actionsOf([
      pageview(0, PAGE),
      ...burst([1_000, 1_100, 1_200]),
      ...burst([5_000, 5_100, 5_200]),
    ]);
    expect(twice.map((a) => a.abandonment)).toEqual([false, true]);
  });

  it('produces summaries that pass the contract', () => {
    const summary = analyze([pageview(0, PAGE), ...burst([1_000, 1_100, 1_200])]);
    expect(sessionSummarySchema.safeParse(summary).success).toBe(true);
    expect(summary.segments[0]?.meta?.confusionCount).toBe(1);
    expect(summary.sessionOutcome.description).toBe(
      'Left on /products/42 after rage-clicking button "Add to cart"',
    );
  });
});
