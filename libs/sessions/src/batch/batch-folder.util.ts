import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BATCH_FOLDER_LAYOUT, batchFolderSchema, sessionIdSchema, type BatchFolder } from '@sift/contracts';
import { BatchInputError } from '../errors/batch-input.error';
import { errorMessage, hasErrnoCode } from '@sift/errors';
import type { BatchInput, BatchInputSession } from './batch-input.types';

const { batchFile, sessionsDir, eventsFile, recordingFile } = BATCH_FOLDER_LAYOUT;

/** Reads `batch.json` (optional) and lists `sessions/<sessionId>/` without opening any payload. */
export async function readBatchFolder(folder: string): Promise<BatchInput> {
  const batch = await readBatchFile(join(folder, batchFile));
  const sessionsPath = join(folder, sessionsDir);
  const entries = await readdir(sessionsPath, { withFileTypes: true }).catch((error: unknown) => {
    throw new BatchInputError(
      'SESSIONS_DIR_MISSING',
      `batch folder ${folder} has no readable ${sessionsDir}/ directory (expected ${sessionsPath}/<sessionId>/${eventsFile})`,
      { cause: error },
    );
  });
  // Dotfiles (.DS_Store, .gitkeep) are editor and OS noise, not sessions.
  const visible = entries.filter((entry) => !entry.name.startsWith('.'));
  const sessions = await Promise.all(visible.map((entry) => listSession(sessionsPath, entry)));
  sessions.sort((a, b) => (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0));
  if (sessions.length === 0) {
    throw new BatchInputError(
      'BATCH_EMPTY',
      `batch folder ${folder} has no session folders in ${sessionsPath}`,
    );
  }
  return { batch, sessions, origin: { kind: 'folder', path: folder }, warnings: [] };
}

async function readBatchFile(path: string): Promise<BatchFolder> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (hasErrnoCode(error, 'ENOENT')) return {};
    throw new BatchInputError('BATCH_FILE_INVALID', `cannot read ${path}: ${errorMessage(error)}`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BatchInputError('BATCH_FILE_INVALID', `${path} is not valid JSON: ${errorMessage(error)}`, {
      cause: error,
    });
  }
  const parsed = batchFolderSchema.safeParse(json);
  if (!parsed.success) {
    throw new BatchInputError(
      'BATCH_FILE_INVALID',
      `${path} does not match the batch.json format {reportId?, question?, product?}:\n${z.prettifyError(parsed.error)}`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

async function listSession(sessionsPath: string, entry: Dirent): Promise<BatchInputSession> {
  const path = join(sessionsPath, entry.name);
  if (!entry.isDirectory()) {
    throw new BatchInputError(
      'SESSION_FOLDER_INVALID',
      `${path} is not a folder; ${sessionsPath} may only contain one folder per session`,
    );
  }
  const id = sessionIdSchema.safeParse(entry.name);
  if (!id.success) {
    throw new BatchInputError(
      'SESSION_FOLDER_INVALID',
      `session folder ${path}: the folder name is not a valid sessionId (${id.error.issues[0]?.message})`,
      { cause: id.error },
    );
  }
  const files = await readdir(path, { withFileTypes: true });
  const has = (name: string) => files.some((file) => file.name === name && file.isFile());
  const session: BatchInputSession = { sessionId: id.data };
  if (has(eventsFile)) session.events = { kind: 'file', path: join(path, eventsFile) };
  if (has(recordingFile)) session.recording = { kind: 'file', path: join(path, recordingFile) };
  return session;
}
