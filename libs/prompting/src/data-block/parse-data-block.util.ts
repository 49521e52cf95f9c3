import type { BlockLine } from './data-block.types';

/** A data block read back: its lines and tables (what a model saw, for checks and for resolving citations). */
export interface ParsedDataBlock {
  readonly lines: BlockLine[];
  readonly pages: ReadonlyMap<string, string>;
  readonly elements: ReadonlyMap<string, string>;
  readonly errors: ReadonlyMap<string, string>;
}

const LINE =
  /^(#\d+) (\d+\.\d) ("(?:[^"\\]|\\.)*"|\S+) (u\d+|-)(?: (w\d+))?(?: (e\d+))?(?: x(\d+)\/(\d+\.\d)s)?(?: !(x\d+))?$/;
const TABLE_ROW = /^([uex]\d+) (.*)$/;
const SECTIONS = ['pages', 'elements', 'errors', 'events'] as const;
type Section = 'header' | (typeof SECTIONS)[number];

/** Parses the text `renderDataBlock` wrote; throws naming the first line it cannot read. */
export function parseDataBlock(text: string): ParsedDataBlock {
  const pages = new Map<string, string>();
  const elements = new Map<string, string>();
  const errors = new Map<string, string>();
  const tables = { pages, elements, errors };
  const lines: BlockLine[] = [];
  let section: Section = 'header';
  for (const [index, raw] of text.split('\n').entries()) {
    const next = SECTIONS.find((name) => name === raw);
    if (next) {
      section = next;
      continue;
    }
    if (section === 'header') continue;
    if (section === 'events') {
      lines.push(parseLine(raw, index + 1));
      continue;
    }
    const row = TABLE_ROW.exec(raw);
    if (!row) throw new Error(`data block line ${index + 1} is not a table row: ${raw.slice(0, 80)}`);
    tables[section].set(row[1], row[2]);
  }
  return { lines, pages, elements, errors };
}

function parseLine(raw: string, lineNumber: number): BlockLine {
  const match = LINE.exec(raw);
  if (!match) throw new Error(`data block line ${lineNumber} is not an event line: ${raw.slice(0, 80)}`);
  const [, id, seconds, kind, page, window, element, count, span, error] = match;
  return {
    id,
    seconds: Number(seconds),
    kind: kind.startsWith('"') ? (JSON.parse(kind) as string) : kind,
    page,
    ...(window ? { window } : {}),
    ...(element ? { element } : {}),
    ...(count ? { run: { count: Number(count), spanSeconds: Number(span) } } : {}),
    ...(error ? { error } : {}),
  };
}
