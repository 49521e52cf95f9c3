import {
  BatchInputSession,
  NormalizedSession,
  normalizeBatchSession,
  payloadSourcePolicy,
  readBatchInput,
} from '@sift/sessions';
import { REAL_RECORDINGS_DIR, realRecordingSessions as realRecordings } from '@sift/testing';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');
/** The committed recorded batch (24 sessions of the demo shop) and the hand-made mini-shop. */
export const RECORDED_BATCHES = [
  join(ROOT, 'test/fixtures/recorded/shop-24/batch'),
  join(ROOT, 'test/fixtures/batches/mini-shop'),
];

export interface LoadedSession {
  readonly source: string;
  readonly session: NormalizedSession;
}

/** Every session of a batch folder that normalizes, with where it came from. */
export async function batchSessions(folder: string): Promise<LoadedSession[]> {
  const input = await readBatchInput(folder);
  return normalizeAll(input.sessions, input.origin.path, folder);
}

/** The real recordings as recording-only sessions. */
export async function realRecordingSessions(): Promise<LoadedSession[]> {
  return normalizeAll(await realRecordings(), REAL_RECORDINGS_DIR, 'real recordings');
}

async function normalizeAll(
  sessions: BatchInputSession[],
  root: string,
  source: string,
): Promise<LoadedSession[]> {
  const policy = payloadSourcePolicy({ fileRoot: root });
  const loaded: LoadedSession[] = [];
  for (const session of sessions) {
    const result = await normalizeBatchSession(session, policy);
    if (result.ok) loaded.push({ source: `${source}/${session.sessionId}`, session: result.session });
  }
  return loaded;
}
