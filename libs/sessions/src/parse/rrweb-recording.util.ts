import { rrwebEventSchema, type RrwebEvent } from '@sift/contracts';
import type { ParsedPayload } from './parsed-payload.types';
import { isRecord, unrecognized, validateItems } from './validate-items.util';

const ACCEPTED =
  'an rrweb event array, {"result": [...]}, {"result": {"snapshots": [...]}}, or JSONL of {"window_id", "data": [...]} or [windowId, event]';

/**
 * Parses a recording payload into rrweb events. Accepts an rrweb event array; the PostHog API shapes
 * `{result: [...]}`, `{result: {snapshots: [...]}}` and `{snapshot_data_by_window_id: {...}}`; and
 * JSONL (already an array) of `{window_id, data: [...]}` or `[windowId, event]` lines. Window ids are
 * kept on each event as `windowId`. Invalid events are dropped and counted.
 */
export function parseRrwebRecording(raw: unknown): ParsedPayload<RrwebEvent> {
  const items = recordingItems(raw);
  if (items === undefined) return unrecognized(`recording payload is not ${ACCEPTED}`);
  return validateItems(items, rrwebEventSchema, 'recording event');
}

function recordingItems(raw: unknown): unknown[] | undefined {
  if (Array.isArray(raw)) return raw.flatMap(lineItems);
  if (!isRecord(raw)) return undefined;
  const result = raw['result'];
  if (Array.isArray(result)) return result.flatMap(lineItems);
  if (isRecord(result)) return recordingItems(result);
  if (Array.isArray(raw['snapshots'])) return raw['snapshots'].flatMap(lineItems);
  const byWindow = raw['snapshot_data_by_window_id'];
  if (isRecord(byWindow)) {
    return Object.entries(byWindow).flatMap(([windowId, events]) =>
      Array.isArray(events) ? events.map((event: unknown) => withWindow(event, windowId)) : [],
    );
  }
  return isWindowLine(raw) ? lineItems(raw) : undefined;
}

/** One array entry or JSONL line: a window line or tuple expands to its events; anything else is an event. */
function lineItems(item: unknown): unknown[] {
  if (Array.isArray(item) && item.length === 2 && (typeof item[0] === 'string' || item[0] === null)) {
    return [withWindow(item[1], item[0])];
  }
  if (isWindowLine(item)) {
    const windowId = item['window_id'] ?? item['windowId'];
    return item['data'].map((event: unknown) => withWindow(event, windowId));
  }
  return [item];
}

function isWindowLine(item: unknown): item is Record<string, unknown> & { data: unknown[] } {
  return isRecord(item) && Array.isArray(item['data']) && ('window_id' in item || 'windowId' in item);
}

function withWindow(event: unknown, windowId: unknown): unknown {
  if (!isRecord(event) || typeof windowId !== 'string' || event['windowId'] !== undefined) return event;
  return { ...event, windowId };
}
