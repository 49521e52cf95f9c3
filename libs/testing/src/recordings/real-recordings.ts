import type { BatchInputSession } from '@sift/sessions';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Real public rrweb recordings beside the checkout (see ../shared/recordings/SOURCES.md). */
export const REAL_RECORDINGS_DIR = resolve(__dirname, '../../../../../shared/recordings');

/**
 * Each real recording as a recording-only session, read in place (never copied into the repo). The
 * `.js` one holds its JSON array inside a script, so it is handed over inline.
 */
export async function realRecordingSessions(): Promise<BatchInputSession[]> {
  const files = (await readdir(REAL_RECORDINGS_DIR))
    .filter((f) => f.endsWith('.json') || f.endsWith('.js'))
    .sort();
  return Promise.all(
    files.map(async (file): Promise<BatchInputSession> => {
      const sessionId = file.replace(/\.(json|js)$/, '').replace(/[^A-Za-z0-9._:-]/g, '-');
      const path = join(REAL_RECORDINGS_DIR, file);
      if (file.endsWith('.json')) return { sessionId, recording: { kind: 'file', path } };
      const text = await readFile(path, 'utf8');
      const value = JSON.parse(text.slice(text.indexOf('['), text.lastIndexOf(']') + 1)) as unknown[];
      return { sessionId, recording: { kind: 'inline', value } };
    }),
  );
}
