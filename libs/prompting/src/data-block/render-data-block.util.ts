import type { PosthogEvent } from '@sift/contracts';
import type { NormalizedSession } from '@sift/sessions';
import { countTokens } from '../tokens/count-tokens.util';
import { AliasTables, TextMasker } from './alias-tables';
import { buildLines } from './block-lines.util';
import type { BlockLine, BlockOmissions, DataBlock } from './data-block.types';
import { round1 } from './seconds.util';
import { selectEvents } from './select-events.util';

/**
 * The session data block: one normalized session as compact text for a model. A header (length, pages,
 * device, what was left out and why), the page and element tables, then one line per kept event:
 * `#id seconds kind page [window] [element] [xCount/spanS] [!error]`, only the columns that carry
 * something. Everything shown passes through `masker`; the uuids behind each `#id` stay with Sift.
 */
export function renderDataBlock(session: NormalizedSession, masker: TextMasker): DataBlock {
  const { startMs, endMs } = session;
  const selected = selectEvents(session.events, startMs, endMs);
  const windows = new Set(
    session.events.flatMap((e) => (e.properties.$window_id ? [e.properties.$window_id] : [])),
  );
  const tables = new AliasTables(masker, sharedOrigin(session.events), windows.size > 1);
  const built = buildLines(selected.kept, startMs, tables);
  const omissions: BlockOmissions = { ...selected.omissions, collapsed: built.collapsed };
  const text = [
    ...header(session, built.lines, omissions, windows.size),
    'pages',
    ...tables.entries('pages').map(([alias, url]) => `${alias} ${url}`),
    ...tableSection('elements', tables.entries('elements')),
    ...tableSection('errors', tables.entries('errors')),
    'events',
    ...built.lines.map(formatLine),
  ].join('\n');
  return {
    text,
    eventIds: built.eventIds,
    lines: built.lines,
    eventsIn: session.events.length,
    eventsKept: selected.kept.length,
    omissions,
    tokens: countTokens(text),
    masked: { ...masker.counts() } as Record<string, number>,
  };
}

/** `#4 21.3 click u2 e2 x4/1.2s`, `#5 22.0 exception u2 !x1` */
export function formatLine(line: BlockLine): string {
  const kind = /\s/.test(line.kind) ? JSON.stringify(line.kind) : line.kind;
  const parts = [line.id, line.seconds.toFixed(1), kind, line.page];
  if (line.window) parts.push(line.window);
  if (line.element) parts.push(line.element);
  if (line.run) parts.push(`x${line.run.count}/${line.run.spanSeconds.toFixed(1)}s`);
  if (line.error) parts.push(`!${line.error}`);
  return parts.join(' ');
}

function header(
  session: NormalizedSession,
  lines: readonly BlockLine[],
  omissions: BlockOmissions,
  windowCount: number,
): string[] {
  const pages = lines.filter((line) => line.kind === 'pageview').length;
  const about = [
    `session ${round1(session.durationMs / 1000)}s`,
    `${pages} page views`,
    device(session.events),
  ];
  if (windowCount > 1) about.push(`${windowCount} windows (w1..w${windowCount})`);
  const left = leftOut(omissions);
  return [
    about.filter(Boolean).join(' · '),
    `${session.events.length} events in, ${lines.length} lines${left ? `; left out: ${left}` : ''}`,
  ];
}

function leftOut(omissions: BlockOmissions): string {
  const counted = (counts: Readonly<Record<string, number>>, what: string) =>
    Object.entries(counts).map(([name, n]) => `${n} ${name}${what}`);
  const parts = [
    ...counted(omissions.contextFree, ''),
    ...counted(omissions.heartbeats, ' (a steady heartbeat)'),
  ];
  const cut = omissions.cutAtStart + omissions.cutAtEnd;
  if (cut > 0) parts.push(`${cut} system events in the first/last ${omissions.cutSeconds}s (start-up noise)`);
  if (omissions.collapsed > 0) parts.push(`${omissions.collapsed} repeats folded into runs (xN)`);
  return parts.join(', ');
}

/** `Desktop Chrome Linux 1280x800`, from the first event that tells. */
function device(events: readonly PosthogEvent[]): string {
  const shown = (value: unknown): string =>
    typeof value === 'string' || typeof value === 'number'
      ? String(value).replace(/\s+/g, ' ').slice(0, 40)
      : '';
  const props = events.find(
    (event) => shown(event.properties['$browser']) || shown(event.properties['$viewport_width']),
  )?.properties;
  if (!props) return '';
  const [width, height] = [shown(props['$viewport_width']), shown(props['$viewport_height'])];
  const viewport = width && height ? `${width}x${height}` : '';
  return [props['$device_type'], props['$browser'], props['$os']]
    .map(shown)
    .concat(viewport)
    .filter(Boolean)
    .join(' ');
}

function tableSection(title: string, entries: Array<[string, string]>): string[] {
  return entries.length === 0 ? [] : [title, ...entries.map(([alias, value]) => `${alias} ${value}`)];
}

/** `scheme://host` when every page of the session is on it (then page lines show only path and query). */
function sharedOrigin(events: readonly PosthogEvent[]): string | undefined {
  const origins = new Set(
    events.flatMap((event) => {
      const url = event.properties.$current_url;
      return url && URL.canParse(url) ? [new URL(url).origin] : [];
    }),
  );
  const [only] = [...origins];
  return origins.size === 1 && only !== 'null' ? only : undefined;
}
