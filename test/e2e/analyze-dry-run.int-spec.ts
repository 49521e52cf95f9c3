import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../support/run-cli';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');
const RECORDED_BATCH = join(ROOT, 'test/fixtures/recorded/shop-24/batch');
const REAL_RECORDINGS = resolve(ROOT, '../shared/recordings');

// What must never leave for a model, whatever masks it.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const PHONE = /(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/;
const CARD = /\b(?:\d[ -]?){13,19}\b/;

/** A batch folder (in a temp dir) with each real recording as a recording-only session. */
async function realRecordingsBatch(dir: string): Promise<string[]> {
  const ids: string[] = [];
  for (const file of (await readdir(REAL_RECORDINGS)).sort()) {
    if (!file.endsWith('.json') && !file.endsWith('.js')) continue;
    const id = file.replace(/\.(json|js)$/, '');
    await mkdir(join(dir, 'sessions', id), { recursive: true });
    const target = join(dir, 'sessions', id, 'recording.json');
    if (file.endsWith('.json')) await copyFile(join(REAL_RECORDINGS, file), target);
    else {
      const text = await readFile(join(REAL_RECORDINGS, file), 'utf8');
      await writeFile(target, text.slice(text.indexOf('['), text.lastIndexOf(']') + 1));
    }
    ids.push(id);
  }
  return ids;
}

describe('sift analyze --dry-run', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'sift-dry-run-'));
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it.each([
    ['the recorded shop batch', async () => RECORDED_BATCH, 24],
    [
      'the eight real recordings, recording-only',
      async () => {
        const batch = join(scratch, 'real');
        await realRecordingsBatch(batch);
        return batch;
      },
      8,
    ],
  ])(
    'writes the data block, the framed prompt and the index for every session of %s, and no personal data',
    async (_what, batchOf, sessions) => {
      const batch = await batchOf();
      const out = join(scratch, `out-${sessions}`);
      const run = await runCli(['analyze', batch, '--dry-run', '--out', out]);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.stdout).toContain(`dry run: ${sessions} of ${sessions} sessions rendered, no model called`);

      const index = JSON.parse(await readFile(join(out, 'prompts', 'index.json'), 'utf8')) as {
        totals: { rendered: number; tokens: number };
        sessions: Array<{
          sessionId: string;
          status: string;
          eventsIn: number;
          eventsKept: number;
          tokens: number;
        }>;
      };
      expect(index.totals.rendered).toBe(sessions);
      const files = (await readdir(join(out, 'prompts'))).sort();
      for (const entry of index.sessions) {
        expect(files).toEqual(
          expect.arrayContaining([`${entry.sessionId}.data.txt`, `${entry.sessionId}.summary.txt`]),
        );
        expect(entry.tokens).toBeGreaterThan(0);
        expect(entry.eventsKept).toBeLessThanOrEqual(entry.eventsIn);
        const data = await readFile(join(out, 'prompts', `${entry.sessionId}.data.txt`), 'utf8');
        const summary = await readFile(join(out, 'prompts', `${entry.sessionId}.summary.txt`), 'utf8');
        expect(summary).toContain(data.trim());
        for (const [kind, pattern] of Object.entries({ EMAIL, PHONE, CARD })) {
          expect({ file: entry.sessionId, kind, found: summary.match(pattern)?.[0] }).toEqual({
            file: entry.sessionId,
            kind,
            found: undefined,
          });
        }
      }
    },
  );
});
