import { countTokens, PiiMasker, renderDataBlock } from '@sift/prompting';
import {
  BatchInputSession,
  normalizeBatchSession,
  payloadSourcePolicy,
  readBatchInput,
} from '@sift/sessions';
import { REAL_RECORDINGS_DIR, realRecordingSessions } from '@sift/testing';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { referenceFormat } from './reference-format.util';

const ROOT = resolve(__dirname, '../../../..');
const RECORDED_BATCH = join(ROOT, 'test/fixtures/recorded/shop-24/batch');
const RESULTS = join(ROOT, 'bench/results');

interface Row {
  session: string;
  eventsIn: number;
  eventsKept: number;
  raw: number;
  reference: number;
  sift: number;
}

/**
 * `npm run bench:tokens`: tokens (o200k_base) of each session three ways — the raw events as given
 * (JSONL), the reference system's format, and Sift's data block — over the committed recorded batch and
 * the real recordings beside the checkout (as recording-only sessions). A table on stdout, JSON in
 * bench/results/tokens.json.
 */
async function main(): Promise<void> {
  const rows: Row[] = [];
  const batch = await readBatchInput(RECORDED_BATCH);
  for (const session of batch.sessions) rows.push(...(await measure(session, batch.origin.path)));
  for (const session of await realRecordingSessions())
    rows.push(...(await measure(session, REAL_RECORDINGS_DIR)));
  const total = rows.reduce(
    (sum, row) => ({
      ...sum,
      eventsIn: sum.eventsIn + row.eventsIn,
      eventsKept: sum.eventsKept + row.eventsKept,
      raw: sum.raw + row.raw,
      reference: sum.reference + row.reference,
      sift: sum.sift + row.sift,
    }),
    { session: 'total', eventsIn: 0, eventsKept: 0, raw: 0, reference: 0, sift: 0 },
  );
  printTable([...rows, total]);
  await mkdir(RESULTS, { recursive: true });
  const ratios = { siftToReference: total.sift / total.reference, siftToRaw: total.sift / total.raw };
  await writeFile(
    join(RESULTS, 'tokens.json'),
    `${JSON.stringify({ encoding: 'o200k_base', rows, total, ratios }, null, 2)}\n`,
  );
  process.stdout.write(
    `\nSift / reference = ${ratios.siftToReference.toFixed(3)} (target ≤ 0.5), Sift / raw = ${ratios.siftToRaw.toFixed(3)} (target ≤ 0.15)\n`,
  );
}

async function measure(session: BatchInputSession, root: string): Promise<Row[]> {
  const normalized = await normalizeBatchSession(session, payloadSourcePolicy({ fileRoot: root }));
  if (!normalized.ok) {
    process.stderr.write(`${session.sessionId}: skipped (${normalized.reason})\n`);
    return [];
  }
  const { events, startMs, endMs } = normalized.session;
  const raw =
    session.events?.kind === 'file'
      ? await readFile(session.events.path, 'utf8')
      : events.map((event) => JSON.stringify(event)).join('\n');
  // Sift's block as it would be sent: masked (the reference format gets no masking).
  const block = renderDataBlock(normalized.session, new PiiMasker());
  return [
    {
      session: session.sessionId,
      eventsIn: events.length,
      eventsKept: block.eventsKept,
      raw: countTokens(raw),
      reference: countTokens(referenceFormat(events, startMs, endMs)),
      sift: block.tokens,
    },
  ];
}

function printTable(rows: Row[]): void {
  const header = ['session', 'events in', 'kept', 'raw', 'reference', 'sift', 'sift/ref', 'sift/raw'];
  const lines = rows.map((row) => [
    row.session,
    String(row.eventsIn),
    String(row.eventsKept),
    String(row.raw),
    String(row.reference),
    String(row.sift),
    (row.sift / row.reference).toFixed(2),
    (row.sift / row.raw).toFixed(3),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
  const format = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  process.stdout.write(`${[format(header), ...lines.map(format)].join('\n')}\n`);
}

void main();
