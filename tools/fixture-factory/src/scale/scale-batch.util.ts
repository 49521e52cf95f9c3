import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BATCH_FOLDER_LAYOUT, type BatchFolder } from '@sift/contracts';
import { bulkhead } from 'cockatiel';
import { generatedSessionId, replacementIds } from './generated-ids.util';
import { renderTemplate } from './payload-template.util';
import { planSessions, type PlannedSession } from './scale-plan.util';
import { scaledLabels } from './scaled-labels.util';
import { loadSourceBatch, type SourceSession } from './source-batch.util';

const DAY_MS = 24 * 60 * 60 * 1000;
const WRITE_CONCURRENCY = 32;
const { batchFile, sessionsDir, eventsFile, recordingFile } = BATCH_FOLDER_LAYOUT;

/** Options of {@link scaleBatch}. */
export interface ScaleBatchOptions {
  /** Folder holding `labels.json` and the recorded batch it names. */
  readonly from: string;
  /** Output folder: receives `batch/` and `labels.json`. */
  readonly out: string;
  readonly sessions: number;
  readonly seed: number;
  /** Fraction (0..1) of generated sessions that keep a recording. Default 0.1. */
  readonly recordings?: number;
  /** Session starts are spread over this many days. Default 7. */
  readonly spreadDays?: number;
  /** Replace an existing `<out>/batch` instead of refusing. */
  readonly force?: boolean;
}

/** What {@link scaleBatch} wrote and how long it took. */
export interface ScaleBatchResult {
  readonly batchDir: string;
  readonly labelsPath: string;
  readonly sessions: number;
  readonly withRecording: number;
  readonly bytesWritten: number;
  /** Reading the source batch and building its templates. */
  readonly loadMs: number;
  /** Removing an existing output (`force`). */
  readonly clearMs: number;
  readonly writeMs: number;
  readonly totalMs: number;
}

/**
 * Synthesizes a large batch from a recorded one (see `labels.schema.ts` for the layout): each new
 * session copies a source session with new ids, a per-session time shift applied to events and
 * recording alike, and the source's labels. Sessions are rendered and written a few at a time, so
 * memory holds the source batch, not the output.
 */
export async function scaleBatch(options: ScaleBatchOptions): Promise<ScaleBatchResult> {
  const started = performance.now();
  const out = resolve(options.out);
  const batchDir = join(out, 'batch');
  if (out === resolve(options.from)) throw new Error('--out must not be the --from folder');
  const source = await loadSourceBatch(options.from);
  const loaded = performance.now();
  await prepareOutput(batchDir, options.force === true);
  const cleared = performance.now();
  const plan = planSessions(
    source.sessions.map((session) => ({ startMs: session.startMs, hasRecording: !!session.recording })),
    {
      sessions: options.sessions,
      seed: options.seed,
      recordings: options.recordings ?? 0.1,
      spreadMs: (options.spreadDays ?? 7) * DAY_MS,
    },
  );
  await mkdir(join(batchDir, sessionsDir), { recursive: true });
  const batch = scaledBatchFile(source.batch, options.sessions, options.seed);
  await writeFile(join(batchDir, batchFile), JSON.stringify(batch, null, 2) + '\n');
  const slots = bulkhead(WRITE_CONCURRENCY, Number.MAX_SAFE_INTEGER);
  const written = await Promise.all(
    plan.map((session) =>
      slots.execute(() => writeSession(batchDir, session, source.sessions, options.seed)),
    ),
  );
  const bytes = written.reduce((sum, size) => sum + size, 0);
  const labels = scaledLabels(source.labels, source.sessions, plan, options.seed);
  const labelsPath = join(out, 'labels.json');
  await writeFile(labelsPath, JSON.stringify(labels, null, 2) + '\n');
  const finished = performance.now();
  return {
    batchDir,
    labelsPath,
    sessions: plan.length,
    withRecording: Object.values(labels.sessions).filter((session) => session.hasRecording).length,
    bytesWritten: bytes,
    loadMs: loaded - started,
    clearMs: cleared - loaded,
    writeMs: finished - cleared,
    totalMs: finished - started,
  };
}

async function prepareOutput(batchDir: string, force: boolean): Promise<void> {
  const existing = await readdir(batchDir).catch(() => []);
  if (existing.length === 0) return;
  if (!force) throw new Error(`${batchDir} already exists and is not empty; pass --force to replace it`);
  await rm(batchDir, { recursive: true, force: true });
}

async function writeSession(
  batchDir: string,
  planned: PlannedSession,
  sources: readonly SourceSession[],
  seed: number,
): Promise<number> {
  const source = sources[planned.sourceIndex] as SourceSession;
  const values = {
    offsetMs: planned.offsetMs,
    identities: replacementIds(source.identities, seed, planned.index, planned.offsetMs),
  };
  const dir = join(batchDir, sessionsDir, generatedSessionId(seed, planned.index));
  await mkdir(dir);
  const events = renderTemplate(source.events, values);
  await writeFile(join(dir, eventsFile), events);
  if (!planned.keepRecording || !source.recording) return Buffer.byteLength(events);
  const recording = renderTemplate(source.recording, values);
  await writeFile(join(dir, recordingFile), recording);
  return Buffer.byteLength(events) + Buffer.byteLength(recording);
}

function scaledBatchFile(source: BatchFolder, sessions: number, seed: number): BatchFolder {
  const suffix = `-x${sessions}-s${seed}`;
  const base = (source.reportId ?? 'fixtures').slice(0, 128 - suffix.length);
  return { ...source, reportId: `${base}${suffix}` };
}
