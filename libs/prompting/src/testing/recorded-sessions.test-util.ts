import {
  BatchInputSession,
  NormalizedSession,
  normalizeBatchSession,
  payloadSourcePolicy,
  readBatchInput,
} from '@sift/sessions';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');
/** The committed recorded batch (24 sessions of the demo shop) and the hand-made mini-shop. */
export const RECORDED_BATCHES = [
  join(ROOT, 'test/fixtures/recorded/shop-24/batch'),
  join(ROOT, 'test/fixtures/batches/mini-shop'),
];
/** Real public rrweb recordings beside the checkout (see ../shared/recordings/SOURCES.md). */
export const REAL_RECORDINGS = resolve(ROOT, '../shared/recordings');

export interface LoadedSession {
  readonly source: string;
  readonly session: NormalizedSession;
}

/** Every session of a batch folder that normalizes, with where it came from. */
export async function batchSessions(folder: string): Promise<LoadedSession[]> {
  const input = await readBatchInput(folder);
  return normalizeAll(input.sessions, input.origin.path, folder);
}

/** The real recordings as recording-only sessions (the `.js` one is a JSON array inside a script). */
export async function realRecordingSessions(): Promise<LoadedSession[]> {
  const files = (await readdir(REAL_RECORDINGS))
    .filter((f) => f.endsWith('.json') || f.endsWith('.js'))
    .sort();
  const sessions = await Promise.all(
    files.map(async (file): Promise<BatchInputSession> => {
      const sessionId = file.replace(/\.(json|js)$/, '').replace(/[^A-Za-z0-9._:-]/g, '-');
      if (file.endsWith('.json'))
        return { sessionId, recording: { kind: 'file', path: join(REAL_RECORDINGS, file) } };
      const text = await readFile(join(REAL_RECORDINGS, file), 'utf8');
      const value = JSON.parse(text.slice(text.indexOf('['), text.lastIndexOf(']') + 1)) as unknown[];
      return { sessionId, recording: { kind: 'inline', value } };
    }),
  );
  return normalizeAll(sessions, REAL_RECORDINGS, 'real recordings');
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
