import type { SessionOutcome } from '@sift/contracts';
import type { Detection, SessionSuccess } from './analysis.types';
import { isPageview } from './event-kind.util';
import { pageName } from './page-name.util';
import type { SessionTimeline } from './session-timeline.util';

/**
 * Events that mean the user reached a goal, matched case-insensitively with spaces and dashes read as
 * `_` (`Order Completed` matches `order_completed`), and what to say about each.
 */
export const SUCCESS_EVENTS: Readonly<Record<string, string>> = {
  order_completed: 'Completed an order',
  purchase: 'Made a purchase',
  checkout_completed: 'Completed checkout',
  signup_completed: 'Signed up',
  subscription_created: 'Started a subscription',
};

/** A last pageview on a path like this means the goal was reached. */
export const SUCCESS_PATH_PATTERN = /(confirmation|success|thank-?you|order-complete)/i;

/** The first success event, else the last pageview when it is a success page; undefined otherwise. */
export function findSessionSuccess(timeline: SessionTimeline): SessionSuccess | undefined {
  const eventIndex = timeline.events.findIndex((event) => successEventDescription(event.event));
  const event = timeline.events[eventIndex];
  if (event) {
    return { kind: 'event', index: eventIndex, description: successEventDescription(event.event) ?? '' };
  }
  const pageviewIndex = timeline.events.findLastIndex(isPageview);
  const path = timeline.paths[pageviewIndex];
  if (path !== undefined && SUCCESS_PATH_PATTERN.test(path)) {
    return { kind: 'page', index: pageviewIndex, description: `Reached ${pageName(path)}` };
  }
  return undefined;
}

/** The session outcome line: what was achieved, or where the user left and after what. */
export function describeSessionOutcome(
  timeline: SessionTimeline,
  success: SessionSuccess | undefined,
  detections: readonly Detection[],
): SessionOutcome {
  if (success) {
    const n = detections.length;
    const despite = n > 0 ? ` despite ${n} flagged moment${n === 1 ? '' : 's'}` : '';
    return { success: true, description: `${success.description}${despite}` };
  }
  const lastPath = timeline.paths[timeline.paths.length - 1];
  const where = lastPath === undefined ? '' : ` on ${lastPath}`;
  const blocking = detections.findLast((d) => d.exception === 'blocking');
  const last = blocking ?? detections[detections.length - 1];
  const why = last ? `after ${last.gist}` : 'without completing an order, purchase or sign-up';
  return { success: false, description: `Left${where} ${why}` };
}

function successEventDescription(name: string): string | undefined {
  const normalized = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return Object.hasOwn(SUCCESS_EVENTS, normalized) ? SUCCESS_EVENTS[normalized] : undefined;
}
