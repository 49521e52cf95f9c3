import type { Segment, SegmentOutcome } from '@sift/contracts';
import type { SessionSuccess } from './analysis.types';
import type { FlaggedMoment } from './key-action.util';
import type { PageVisit } from './page-visits.util';
import { pageName } from './page-name.util';
import type { SessionTimeline } from './session-timeline.util';

/** One segment per page visit, with computed meta (durations run until the next visit starts). */
export function buildSegments(
  timeline: SessionTimeline,
  visits: readonly PageVisit[],
  momentsByVisit: readonly (readonly FlaggedMoment[])[],
): Segment[] {
  const first = timeline.times[0] ?? 0;
  const sessionMs = (timeline.times[timeline.times.length - 1] ?? first) - first;
  const total = timeline.events.length;
  return visits.map((visit, i) => {
    const startMs = timeline.times[visit.start] ?? first;
    const next = visits[i + 1];
    const endMs = next ? (timeline.times[next.start] ?? startMs) : (timeline.times[visit.end] ?? startMs);
    const durationMs = endMs - startMs;
    const actions = (momentsByVisit[i] ?? []).map((m) => m.action);
    const eventsCount = visit.end - visit.start + 1;
    return {
      index: visit.index,
      name: pageName(visit.path),
      startEventId: timeline.events[visit.start]?.uuid ?? '',
      endEventId: timeline.events[visit.end]?.uuid ?? '',
      meta: {
        durationMs,
        ...(sessionMs > 0 ? { durationPercentage: percentage(durationMs, sessionMs) } : {}),
        eventsCount,
        eventsPercentage: percentage(eventsCount, total),
        keyActionsCount: actions.length,
        exceptionCount: actions.filter((a) => a.exception !== null).length,
        confusionCount: actions.filter((a) => a.confusion).length,
        abandonmentCount: actions.filter((a) => a.abandonment).length,
      },
    };
  });
}

/**
 * A segment failed when it holds a blocking exception or the abandonment; otherwise it succeeded.
 * The summary says why in one line.
 */
export function buildSegmentOutcomes(
  visits: readonly PageVisit[],
  momentsByVisit: readonly (readonly FlaggedMoment[])[],
  success: SessionSuccess | undefined,
): SegmentOutcome[] {
  return visits.map((visit, i) => {
    const moments = momentsByVisit[i] ?? [];
    const blocking = moments.find((m) => m.action.exception === 'blocking');
    const abandoned = moments.find((m) => m.action.abandonment);
    const reachedGoal = success && success.index >= visit.start && success.index <= visit.end;
    let summary: string;
    if (blocking) summary = `Blocked by ${blocking.action.description}`;
    else if (abandoned) summary = `Gave up after ${abandoned.detection.gist}`;
    else if (reachedGoal) summary = success.description;
    else if (moments.length > 0) summary = `Carried on past ${countOf(moments.length, 'flagged moment')}`;
    else summary = `Visited ${pageName(visit.path)} without problems`;
    return { segmentIndex: visit.index, summary, success: !blocking && !abandoned };
  });
}

function percentage(part: number, whole: number): number {
  return whole > 0 ? Math.min(100, Math.round((part / whole) * 1000) / 10) : 0;
}

function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
