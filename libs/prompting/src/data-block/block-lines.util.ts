import { exceptionOf, targetOfEvent } from '@sift/analysis';
import type { PosthogEvent } from '@sift/contracts';
import type { BlockLine } from './data-block.types';
import { kindOf } from './event-kind.util';
import { round1 } from './seconds.util';
import type { AliasTables } from './alias-tables';

/** Consecutive like actions closer than this fold into one line (a burst, not two visits). */
const RUN_GAP_MS = 3_000;
const MAX_DETAIL_LENGTH = 200;
const RUN_KINDS = new Set(['click', 'change', 'submit', 'rageclick']);

/** A line under construction, with the events it stands for. */
interface Draft {
  line: Omit<BlockLine, 'id' | 'run'>;
  eventIds: string[];
  firstMs: number;
  lastMs: number;
  key: string;
}

export interface BuiltLines {
  readonly lines: BlockLine[];
  readonly eventIds: Map<string, string[]>;
  readonly collapsed: number;
}

/**
 * One line per kept event, except that a burst of the same action on the same element folds into one
 * line with its count and span, and an exception repeating on the same page visit is kept once with
 * its count. Pages, windows and elements become aliases; all text goes through the masker first.
 */
export function buildLines(
  events: readonly PosthogEvent[],
  startMs: number,
  tables: AliasTables,
): BuiltLines {
  const drafts: Draft[] = [];
  const openExceptions = new Map<string, Draft>();
  let pageVisit = 0;
  for (const event of events) {
    const at = Date.parse(event.timestamp);
    if (event.event === '$pageview') {
      pageVisit += 1;
      openExceptions.clear();
    }
    const line = lineOf(event, at, startMs, tables);
    const key = `${line.kind}|${line.page}|${line.window ?? ''}|${line.element ?? ''}|${line.error ?? ''}`;
    const previous = drafts.at(-1);
    if (RUN_KINDS.has(line.kind) && previous?.key === key && at - previous.lastMs <= RUN_GAP_MS) {
      fold(previous, event, at);
      continue;
    }
    const sameError = line.kind === 'exception' ? openExceptions.get(`${pageVisit}|${key}`) : undefined;
    if (sameError) {
      fold(sameError, event, at);
      continue;
    }
    const draft: Draft = { line, eventIds: [event.uuid], firstMs: at, lastMs: at, key };
    drafts.push(draft);
    if (line.kind === 'exception') openExceptions.set(`${pageVisit}|${key}`, draft);
  }
  const eventIds = new Map<string, string[]>();
  const lines = drafts.map((draft, index): BlockLine => {
    const id = `#${index + 1}`;
    eventIds.set(id, draft.eventIds);
    const count = draft.eventIds.length;
    const run = count > 1 ? { count, spanSeconds: round1((draft.lastMs - draft.firstMs) / 1000) } : undefined;
    return { id, ...draft.line, ...(run ? { run } : {}) };
  });
  return { lines, eventIds, collapsed: events.length - drafts.length };
}

function fold(draft: Draft, event: PosthogEvent, at: number): void {
  draft.eventIds.push(event.uuid);
  draft.lastMs = at;
}

function lineOf(event: PosthogEvent, at: number, startMs: number, tables: AliasTables): Draft['line'] {
  const url = event.properties.$current_url;
  const windowId = event.properties.$window_id;
  const target =
    event.event === '$autocapture' || event.event === '$rageclick' ? targetOfEvent(event) : undefined;
  const exception = exceptionOf(event);
  const window = windowId ? tables.window(windowId) : undefined;
  return {
    seconds: round1((at - startMs) / 1000),
    kind: tables.masker.mask(kindOf(event)),
    page: url ? tables.page(url) : '-',
    ...(window ? { window } : {}),
    ...(target ? { element: tables.element(target.name) } : {}),
    ...(exception ? { error: tables.error(detailOf(tables.masker.mask(headline(exception)))) } : {}),
  };
}

function headline({ type, message }: { type: string; message: string }): string {
  return message ? `${type}: ${message}` : type;
}

function detailOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_DETAIL_LENGTH ? `${flat.slice(0, MAX_DETAIL_LENGTH - 1)}…` : flat;
}
