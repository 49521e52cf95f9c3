import type { PosthogEvent } from '@sift/contracts';

/** What a person did or saw: these are never cut or dropped as noise. */
const USER_FACING = new Set(['$pageview', '$autocapture', '$rageclick', '$exception', '$pageleave']);

/**
 * `$` events that say nothing about what the user did or saw: library bookkeeping, identity, flags,
 * performance samples. They never get a line.
 */
const CONTEXT_FREE = new Set([
  '$feature_flag_called',
  '$identify',
  '$set',
  '$set_once',
  '$groupidentify',
  '$create_alias',
  '$opt_in',
  '$web_vitals',
  '$performance_event',
  '$snapshot',
  '$$heatmap',
  '$heatmap',
  '$dead_click',
  '$exception_autocapture_toggled',
]);

/** The kind a line shows: `click`/`change`/`submit` for autocapture, the name without `$` for the rest. */
export function kindOf(event: PosthogEvent): string {
  if (event.event === '$autocapture') return event.properties.$event_type ?? 'autocapture';
  return event.event.startsWith('$') ? event.event.slice(1) : event.event;
}

export function isUserFacing(event: PosthogEvent): boolean {
  return USER_FACING.has(event.event);
}

export function isContextFree(event: PosthogEvent): boolean {
  return CONTEXT_FREE.has(event.event);
}

/** A `$`-named event that is neither user-facing nor known: start-up and wind-down noise when near the edges. */
export function isSystemEvent(event: PosthogEvent): boolean {
  return event.event.startsWith('$') && !USER_FACING.has(event.event);
}
