import { isPageview } from './event-kind.util';
import type { SessionTimeline } from './session-timeline.util';

/** One page visit: the events from a `$pageview` up to the next one (inclusive indexes). */
export interface PageVisit {
  index: number;
  start: number;
  end: number;
  /** The visited path: the pageview's, else the first one known within the visit. */
  path: string | undefined;
}

/**
 * Splits the timeline into page visits. Every `$pageview` after the first starts a new visit; events
 * before the first pageview belong to the first visit, so there is always at least one.
 */
export function splitPageVisits(timeline: SessionTimeline): PageVisit[] {
  const starts = [0];
  let seenPageview = false;
  timeline.events.forEach((event, i) => {
    if (!isPageview(event)) return;
    if (seenPageview && i > 0) starts.push(i);
    seenPageview = true;
  });
  return starts.map((start, index) => {
    const end = (starts[index + 1] ?? timeline.events.length) - 1;
    const pageviewIndex = timeline.events.findIndex((e, i) => i >= start && i <= end && isPageview(e));
    const firstKnown = timeline.paths.slice(start, end + 1).find((path) => path !== undefined);
    return { index, start, end, path: timeline.paths[pageviewIndex] ?? firstKnown };
  });
}
