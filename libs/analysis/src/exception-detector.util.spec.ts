import { detectExceptions } from './exception-detector.util';
import { buildTimeline } from './session-timeline.util';
import {
  blockedCheckout,
  click,
  exception,
  PAY_BUTTON,
  pageview,
  posthogEvent,
} from './posthog-events.test-util';

describe('detectExceptions', () => {
  it('calls an exception non-blocking when the user went on to another page', () => {
    const timeline = buildTimeline([...blockedCheckout.slice(0, 5), pageview(25_000, '/help')]);
    expect(detectExceptions(timeline, false)).toEqual([
      expect.objectContaining({ exception: 'non-blocking', gist: 'a TypeError', target: 'button "Pay now"' }),
    ]);
  });

  it('stays blocking when the only later pageview reloads the same page', () => {
    const timeline = buildTimeline([...blockedCheckout.slice(0, 5), pageview(25_000, '/checkout')]);
    expect(detectExceptions(timeline, false)[0]?.exception).toBe('blocking');
    expect(detectExceptions(timeline, true)[0]?.exception).toBe('non-blocking');
  });

  it('names the click only when the exception follows within 2 s', () => {
    const late = buildTimeline([
      pageview(0, '/pay'),
      click(1_000, PAY_BUTTON),
      exception(3_001, 'Error', 'boom'),
    ]);
    expect(detectExceptions(late, true)[0]).not.toHaveProperty('target');
    expect(detectExceptions(late, true)[0]?.description).toBe('Error: boom');
    const soon = buildTimeline([
      pageview(0, '/pay'),
      click(1_000, PAY_BUTTON),
      exception(3_000, 'Error', 'boom'),
    ]);
    expect(detectExceptions(soon, true)[0]?.description).toBe('Error: boom after clicking button "Pay now"');
  });

  it('keeps every occurrence and reads the legacy fields', () => {
    const legacy = { $exception_type: 'Error', $exception_message: 'Payment provider timeout' };
    const timeline = buildTimeline([
      pageview(0, '/pay'),
      posthogEvent(1_000, '$exception', legacy),
      posthogEvent(2_000, '$exception', legacy),
      posthogEvent(3_000, '$exception'),
    ]);
    expect(detectExceptions(timeline, true).map((d) => [d.index, d.description, d.gist])).toEqual([
      [1, 'Error: Payment provider timeout', 'an Error'],
      [2, 'Error: Payment provider timeout', 'an Error'],
      [3, 'Error', 'an Error'],
    ]);
  });
});
