import type { PosthogEvent } from '@sift/contracts';
import type { BlockOmissions } from './data-block.types';
import { isContextFree, isSystemEvent } from './event-kind.util';
import { round1 } from './seconds.util';

/** Start-up and wind-down noise is cut from this much of each end (never more than a quarter of the session). */
export const CUT_WINDOW_MS = 5_000;
const HEARTBEAT_MIN_REPEATS = 4;
/** Intervals this regular (spread relative to their mean) are a timer, not a person. */
const HEARTBEAT_MAX_SPREAD = 0.15;

export interface SelectedEvents {
  readonly kept: readonly PosthogEvent[];
  readonly omissions: Omit<BlockOmissions, 'collapsed'>;
}

/**
 * The events worth a line: context-free events, a `$pageleave` right before the next page view, steady
 * custom heartbeats and system events in the start-up and wind-down windows are left out and counted.
 */
export function selectEvents(
  events: readonly PosthogEvent[],
  startMs: number,
  endMs: number,
): SelectedEvents {
  const cutMs = Math.min(CUT_WINDOW_MS, (endMs - startMs) / 4);
  const heartbeats = heartbeatNames(events);
  const contextFree: Record<string, number> = {};
  const beats: Record<string, number> = {};
  let cutAtStart = 0;
  let cutAtEnd = 0;
  const kept = events.filter((event, index) => {
    const at = Date.parse(event.timestamp);
    if (isContextFree(event) || isPageleaveBeforeNextPage(events, index)) {
      contextFree[event.event] = (contextFree[event.event] ?? 0) + 1;
      return false;
    }
    if (heartbeats.has(event.event)) {
      beats[event.event] = (beats[event.event] ?? 0) + 1;
      return false;
    }
    if (!isSystemEvent(event)) return true;
    if (at - startMs < cutMs) cutAtStart += 1;
    else if (endMs - at < cutMs) cutAtEnd += 1;
    else return true;
    return false;
  });
  return {
    kept,
    omissions: { contextFree, heartbeats: beats, cutAtStart, cutAtEnd, cutSeconds: round1(cutMs / 1000) },
  };
}

function isPageleaveBeforeNextPage(events: readonly PosthogEvent[], index: number): boolean {
  if (events[index].event !== '$pageleave') return false;
  return events.slice(index + 1).some((later) => later.event === '$pageview');
}

/** Custom (non-`$`) events without an element that fire at a steady beat. */
function heartbeatNames(events: readonly PosthogEvent[]): Set<string> {
  const times = new Map<string, number[]>();
  for (const event of events) {
    if (event.event.startsWith('$') || event.properties.$elements_chain) continue;
    times.set(event.event, [...(times.get(event.event) ?? []), Date.parse(event.timestamp)]);
  }
  const names = new Set<string>();
  for (const [name, at] of times) {
    if (at.length < HEARTBEAT_MIN_REPEATS) continue;
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    if (mean <= 0) continue;
    const spread = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length) / mean;
    if (spread <= HEARTBEAT_MAX_SPREAD) names.add(name);
  }
  return names;
}
