import { parseElementsChain } from '@sift/analysis';
import type { PosthogEvent } from '@sift/contracts';

/**
 * The reference system's event format, rebuilt to measure against: after its 5 s cut-offs, the removal
 * of `$feature_flag_called` and de-duplication, one JSON array per event —
 * `[8-hex id, index, event, ISO timestamp, hrefs, texts, elements, window alias, url alias, $event_type,
 * element ids, exception types, exception values]` — plus its `url_N` / `window_N` mapping tables.
 */
export function referenceFormat(events: readonly PosthogEvent[], startMs: number, endMs: number): string {
  const urls = new Map<string, string>();
  const windows = new Map<string, string>();
  const alias = (table: Map<string, string>, prefix: string, value: string | undefined): string | null => {
    if (!value) return null;
    if (!table.has(value)) table.set(value, `${prefix}_${table.size + 1}`);
    return table.get(value) ?? null;
  };
  let previous = '';
  const rows: string[] = [];
  events
    .filter((event) => {
      const at = Date.parse(event.timestamp);
      return event.event !== '$feature_flag_called' && at - startMs >= 5_000 && endMs - at >= 5_000;
    })
    .forEach((event, index) => {
      const chain = parseElementsChain(event.properties.$elements_chain ?? '');
      const exceptions = event.properties.$exception_list ?? [];
      const row = [
        event.uuid.replace(/-/g, '').slice(0, 8),
        index,
        event.event,
        event.timestamp,
        chain.flatMap((el) => (el.href ? [el.href] : [])),
        chain.flatMap((el) => (el.text ? [el.text] : [])),
        chain.flatMap((el) => (el.tagName ? [el.tagName] : [])),
        alias(windows, 'window', event.properties.$window_id),
        alias(urls, 'url', event.properties.$current_url),
        event.properties.$event_type ?? null,
        chain.flatMap((el) => (el.id ? [el.id] : [])),
        exceptions.map((e) => e.type ?? null),
        exceptions.map((e) => e.value ?? null),
      ];
      // De-duplication: a row repeating the one before it (all but id, index and time) is dropped.
      const key = JSON.stringify([row[2], ...row.slice(4)]);
      if (key === previous) return;
      previous = key;
      rows.push(JSON.stringify(row));
    });
  const table = (map: Map<string, string>) =>
    JSON.stringify(Object.fromEntries([...map].map(([v, k]) => [k, v])));
  return [table(urls), table(windows), ...rows].join('\n');
}
