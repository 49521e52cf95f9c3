import type { PosthogEvent, RrwebEvent } from '@sift/contracts';
import { canonicalJson } from '../hash/canonical-hash.util';

/** Events in time order (stable for equal timestamps), exact duplicates removed, uuids made unique. */
export interface OrderedEvents {
  events: PosthogEvent[];
  duplicates: number;
  /** Events that shared a uuid with a different event and were given `<uuid>#<n>`. */
  renamed: number;
}

/**
 * Sorts events by timestamp and removes exact duplicates (same content whatever the key order: exports
 * that overlap repeat events). Distinct events that share a uuid get `#2`, `#3`, ... appended, because
 * summaries cite events by uuid.
 */
export function orderEvents(events: readonly PosthogEvent[]): OrderedEvents {
  const sorted = sortByTime(events, (event) => Date.parse(event.timestamp));
  const seen = new Set<string>();
  const uuidUses = new Map<string, number>();
  const unique: PosthogEvent[] = [];
  let renamed = 0;
  for (const event of sorted) {
    const key = canonicalJson(event);
    if (seen.has(key)) continue;
    seen.add(key);
    const uses = (uuidUses.get(event.uuid) ?? 0) + 1;
    uuidUses.set(event.uuid, uses);
    if (uses > 1) renamed += 1;
    unique.push(uses > 1 ? { ...event, uuid: `${event.uuid}#${uses}` } : event);
  }
  return { events: unique, duplicates: sorted.length - unique.length, renamed };
}

/** rrweb events in time order, stable for equal timestamps (a snapshot and its Meta share one). */
export function orderRecording(recording: readonly RrwebEvent[]): RrwebEvent[] {
  return sortByTime(recording, (event) => event.timestamp);
}

function sortByTime<T>(items: readonly T[], timeOf: (item: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index, time: timeOf(item) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ item }) => item);
}
