import type { PosthogEvent, RrwebEvent } from '@sift/contracts';

/** What an id in a source session stands for; decides how its replacement looks. */
export type IdentityKind = 'session' | 'window' | 'distinct' | 'event';

/** One id of a source session that every generated copy replaces with its own. */
export interface SourceIdentity {
  readonly kind: IdentityKind;
  readonly value: string;
  /** When the id first appears (event time for event uuids), epoch ms: the time part of a UUIDv7. */
  readonly timeMs: number;
}

/** The ids of one source session, in order of first appearance per kind, and a lookup by value. */
export interface SourceIdentities {
  readonly list: readonly SourceIdentity[];
  readonly index: ReadonlyMap<string, number>;
}

const DISTINCT_PROPERTIES = ['$anon_distinct_id', '$device_id', '$user_id', 'distinct_id'] as const;

/**
 * Collects the ids a generated copy must not share with its source: the session id (folder name and
 * `$session_id`), window ids (`$window_id`, recording `windowId`), distinct ids (`distinct_id` and the
 * person properties that repeat it) and event uuids. Any string equal to one of them is replaced, so
 * references such as `$pageview_id` follow their event.
 */
export function collectIdentities(
  sessionId: string,
  events: readonly PosthogEvent[],
  recording: readonly RrwebEvent[],
  startMs: number,
): SourceIdentities {
  const list: SourceIdentity[] = [];
  const index = new Map<string, number>();
  const add = (kind: IdentityKind, value: unknown, timeMs: number): void => {
    if (typeof value !== 'string' || value === '' || index.has(value)) return;
    index.set(value, list.push({ kind, value, timeMs }) - 1);
  };
  const times = events.map((event) => Date.parse(event.timestamp));
  add('session', sessionId, startMs);
  events.forEach((event) => add('session', event.properties.$session_id, startMs));
  events.forEach((event, at) => add('window', event.properties.$window_id, times[at] ?? startMs));
  recording.forEach((event) => add('window', event['windowId'], event.timestamp));
  events.forEach((event) => {
    add('distinct', event.distinct_id, startMs);
    DISTINCT_PROPERTIES.forEach((name) => add('distinct', event.properties[name], startMs));
  });
  events.forEach((event, at) => add('event', event.uuid, times[at] ?? startMs));
  return { list, index };
}
