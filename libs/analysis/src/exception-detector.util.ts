import { targetOfEvent } from './element-name.util';
import type { Detection } from './analysis.types';
import { exceptionHeadline, exceptionOf, isClick, isPageview, isRageClickEvent } from './event-kind.util';
import type { SessionTimeline } from './session-timeline.util';

/** An exception this soon after a click is an "error click" (DESIGN §5). */
export const ERROR_CLICK_WINDOW_MS = 2_000;

/**
 * One detection per `$exception` (occurrences matter, so repeats are kept). An exception is blocking
 * when the user did not get past it: the session did not succeed and no later pageview went to another
 * page. The click within {@link ERROR_CLICK_WINDOW_MS} before it, if any, is named.
 */
export function detectExceptions(timeline: SessionTimeline, sessionSucceeded: boolean): Detection[] {
  const detections: Detection[] = [];
  timeline.events.forEach((event, index) => {
    const facts = exceptionOf(event);
    if (!facts) return;
    const clickIndex = findErrorClick(timeline, index);
    const clicked = clickIndex === undefined ? undefined : timeline.events[clickIndex];
    const target = clicked ? targetOfEvent(clicked)?.name : undefined;
    const blocking = !sessionSucceeded && !leftPageLater(timeline, index);
    const after = target ? ` after clicking ${target}` : clicked ? ' after a click' : '';
    detections.push({
      index,
      signal: 'exception',
      description: `${exceptionHeadline(facts)}${after}`,
      gist: blocking ? `a blocking ${facts.type}` : `${article(facts.type)} ${facts.type}`,
      ...(target ? { target } : {}),
      exception: blocking ? 'blocking' : 'non-blocking',
      confusion: false,
    });
  });
  return detections;
}

function findErrorClick(timeline: SessionTimeline, exceptionIndex: number): number | undefined {
  const at = timeline.times[exceptionIndex] ?? 0;
  for (let i = exceptionIndex - 1; i >= 0; i--) {
    if (at - (timeline.times[i] ?? 0) > ERROR_CLICK_WINDOW_MS) return undefined;
    const event = timeline.events[i];
    if (event && (isClick(event) || isRageClickEvent(event))) return i;
  }
  return undefined;
}

function leftPageLater(timeline: SessionTimeline, index: number): boolean {
  const page = timeline.paths[index];
  for (let i = index + 1; i < timeline.events.length; i++) {
    const event = timeline.events[i];
    if (event && isPageview(event) && timeline.paths[i] !== page) return true;
  }
  return false;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
