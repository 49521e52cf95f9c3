import {
  BATCH_FOLDER_LAYOUT,
  batchFolderSchema,
  sessionEventsSchema,
  sessionRecordingSchema,
  type BatchFolder,
} from '@sift/contracts';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { batchLabelsSchema, type BatchLabels } from '../labels.schema';
import type { RecordedSession } from '../recorder/record-batch';
import { BATCH_FOLDER_NAME } from './build-labels.util';

const { batchFile, sessionsDir, eventsFile, recordingFile } = BATCH_FOLDER_LAYOUT;
export const LABELS_FILE = 'labels.json';

/** What {@link writeBatch} wrote. */
export interface WrittenBatch {
  readonly batchPath: string;
  readonly labelsPath: string;
  readonly bytes: number;
}

/**
 * Writes `<out>/batch/` (batch.json, sessions/<id>/events.jsonl + recording.json) and `<out>/labels.json`,
 * replacing an earlier batch there. Everything is validated against its schema before anything is written.
 */
export async function writeBatch(
  out: string,
  batch: BatchFolder,
  sessions: readonly RecordedSession[],
  labels: BatchLabels,
): Promise<WrittenBatch> {
  const files = new Map<string, string>();
  const batchPath = join(out, BATCH_FOLDER_NAME);
  files.set(join(batchPath, batchFile), json(checked(batchFolderSchema, batch, batchFile)));
  for (const session of sessions) {
    const folder = join(batchPath, sessionsDir, session.plan.sessionId);
    const events = checked(sessionEventsSchema, session.events, `${session.plan.sessionId} events`);
    const recording = checked(
      sessionRecordingSchema,
      session.recording,
      `${session.plan.sessionId} recording`,
    );
    files.set(join(folder, eventsFile), events.map((event) => JSON.stringify(event)).join('\n') + '\n');
    files.set(join(folder, recordingFile), JSON.stringify(recording));
  }
  const labelsPath = join(out, LABELS_FILE);
  files.set(labelsPath, json(checked(batchLabelsSchema, labels, LABELS_FILE)));

  await rm(batchPath, { recursive: true, force: true });
  let bytes = 0;
  for (const [path, text] of files) {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, text);
    bytes += Buffer.byteLength(text);
  }
  return { batchPath, labelsPath, bytes };
}

function checked<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`${what} is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
