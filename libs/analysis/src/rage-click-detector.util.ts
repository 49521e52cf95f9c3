import type { Detection } from './analysis.types';
import { targetOfEvent, type ElementTarget } from './element-name.util';
import { isClick, isRageClickEvent } from './event-kind.util';
import type { SessionTimeline } from './session-timeline.util';

/** Rage click: this many clicks on one element ... (the open-source trackers' threshold, DESIGN §5) */
export const RAGE_CLICK_MIN_CLICKS = 3;
/** ... within this window. */
export const RAGE_CLICK_WINDOW_MS = 1_000;

interface Burst {
  indexes: number[];
  clickTimes: number[];
  hasRageEvent: boolean;
  target: ElementTarget | undefined;
  lastTime: number;
}

/**
 * One detection per burst of clicks on the same element, each less than {@link RAGE_CLICK_WINDOW_MS}
 * after the previous one, that holds {@link RAGE_CLICK_MIN_CLICKS}+ autocaptured clicks within the
 * window, or a `$rageclick` (PostHog's own detection; inside a burst it is the same burst).
 */
export function detectRageClicks(timeline: SessionTimeline): Detection[] {
  const bursts: Burst[] = [];
  let current: Burst | undefined;
  timeline.events.forEach((event, index) => {
    const rage = isRageClickEvent(event);
    if (!rage && !isClick(event)) return;
    const target = targetOfEvent(event);
    const time = timeline.times[index] ?? 0;
    if (!current || time - current.lastTime >= RAGE_CLICK_WINDOW_MS || !sameElement(current, target, rage)) {
      current = { indexes: [], clickTimes: [], hasRageEvent: false, target, lastTime: time };
      bursts.push(current);
    }
    current.indexes.push(index);
    current.lastTime = time;
    current.target ??= target;
    if (rage) current.hasRageEvent = true;
    else current.clickTimes.push(time);
  });
  return bursts.filter(isRage).map(toDetection);
}

function sameElement(burst: Burst, target: ElementTarget | undefined, rage: boolean): boolean {
  if (burst.target?.key === target?.key) return true;
  // A $rageclick may carry the element differently (or not at all) than its autocaptured clicks.
  return rage && (target === undefined || burst.target?.name === target.name);
}

function isRage(burst: Burst): boolean {
  if (burst.hasRageEvent) return true;
  const times = burst.clickTimes;
  for (let i = 0; i + RAGE_CLICK_MIN_CLICKS - 1 < times.length; i++) {
    const last = times[i + RAGE_CLICK_MIN_CLICKS - 1] ?? Infinity;
    if (last - (times[i] ?? 0) <= RAGE_CLICK_WINDOW_MS) return true;
  }
  return false;
}

function toDetection(burst: Burst): Detection {
  const name = burst.target?.name;
  const what = name ?? 'an element';
  const clicks = burst.clickTimes.length;
  const first = burst.clickTimes[0] ?? 0;
  const last = burst.clickTimes[clicks - 1] ?? first;
  const how =
    clicks >= RAGE_CLICK_MIN_CLICKS
      ? ` ${clicks} times in ${((last - first) / 1000).toFixed(1)} s`
      : ` (${RAGE_CLICK_MIN_CLICKS}+ clicks within ${RAGE_CLICK_WINDOW_MS / 1000} s)`;
  return {
    index: burst.indexes[0] ?? 0,
    signal: 'rage-click',
    description: `Rage-clicked ${what}${how}`,
    gist: `rage-clicking ${what}`,
    ...(name ? { target: name } : {}),
    exception: null,
    confusion: true,
  };
}
