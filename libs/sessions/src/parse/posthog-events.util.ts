import { posthogEventSchema, type PosthogEvent } from '@sift/contracts';
import { canonicalJson, deterministicUuid } from '../hash/canonical-hash.util';
import { toIsoTimestamp } from './iso-timestamp.util';
import type { ParsedPayload } from './parsed-payload.types';
import { isRecord, unrecognized, validateItems } from './validate-items.util';

const ACCEPTED = 'a JSON array of events, JSONL, or the PostHog API shape {"results": [...]}';

/**
 * The raw entries of an events payload: a JSON array or JSONL (already an array), the PostHog API
 * shape `{results: [...]}` (also with `columns` + row arrays, as HogQL answers), or one event object.
 * `undefined` when the shape is not one of these.
 */
export function posthogEventItems(raw: unknown): unknown[] | undefined {
  if (Array.isArray(raw))
    return raw.flatMap((item) => (isResultsPage(item) ? (pageItems(item) ?? []) : [item]));
  if (isResultsPage(raw)) return pageItems(raw);
  if (isRecord(raw) && typeof raw['event'] === 'string') return [raw];
  return undefined;
}

/**
 * Parses an events payload into PostHog events: unwraps the accepted shapes, renames `id` to `uuid`,
 * rewrites timestamps as canonical ISO-8601 UTC, parses `properties` given as a JSON string, gives
 * events without any id a content-derived uuid, then drops and counts what still is not a valid event.
 */
export function parsePosthogEvents(raw: unknown): ParsedPayload<PosthogEvent> {
  const items = posthogEventItems(raw);
  if (items === undefined) return unrecognized(`events payload is not ${ACCEPTED}`);
  return validateItems(items.map(coerceEvent), posthogEventSchema, 'event');
}

function isResultsPage(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && Array.isArray(value['results']);
}

function pageItems(page: Record<string, unknown>): unknown[] | undefined {
  const results = page['results'] as unknown[];
  const columns = page['columns'];
  if (!Array.isArray(columns) || !columns.every((column) => typeof column === 'string')) return results;
  return results.map((row) =>
    Array.isArray(row) ? Object.fromEntries(columns.map((column: string, i) => [column, row[i]])) : row,
  );
}

function coerceEvent(item: unknown): unknown {
  if (!isRecord(item)) return item;
  const event: Record<string, unknown> = { ...item };
  if (event['uuid'] === undefined && (typeof event['id'] === 'string' || typeof event['id'] === 'number')) {
    event['uuid'] = String(event['id']);
    delete event['id'];
  }
  if (typeof event['distinct_id'] === 'number') event['distinct_id'] = String(event['distinct_id']);
  if (typeof event['properties'] === 'string') event['properties'] = parseJsonObject(event['properties']);
  const timestamp = toIsoTimestamp(event['timestamp']);
  if (timestamp !== undefined) event['timestamp'] = timestamp;
  if (event['uuid'] === undefined) event['uuid'] = deterministicUuid(`event:${canonicalJson(event)}`);
  return event;
}

function parseJsonObject(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
