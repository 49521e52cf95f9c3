import { BATCH_FOLDER_LAYOUT, RRWEB_EVENT_TYPE, posthogEventSchema, rrwebEventSchema } from '@sift/contracts';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { batchLabelsSchema, type BatchLabels } from '../labels.schema';

const REPO_ROOT = resolve(__dirname, '../../../..');
const CLI = 'tools/fixture-factory/src/cli/record-fixtures.ts';
// Seed 8 plans a happy path and a dead "Add to cart", both by impatient shoppers: the quickest pair.
const SEED = '8';
const { sessionsDir, eventsFile, recordingFile } = BATCH_FOLDER_LAYOUT;

describe('npm run fixtures (real Chromium against the demo shop)', () => {
  let out: string;
  let labels: BatchLabels;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'sift-record-fixtures-'));
    await promisify(execFile)(
      process.execPath,
      ['-r', './tools/register-typescript.js', CLI, '--sessions', '2', '--seed', SEED, '--out', out],
      { cwd: REPO_ROOT, timeout: 80_000 },
    );
    labels = batchLabelsSchema.parse(JSON.parse(await readFile(join(out, 'labels.json'), 'utf8')));
  }, 90_000);

  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('labels one happy-path session that completed and one that ran into a problem', () => {
    const sessions = Object.values(labels.sessions);
    expect(sessions.map((session) => session.journey).sort()).toEqual(['dead-add-to-cart', 'happy-path']);
    const happy = sessions.find((session) => session.journey === 'happy-path');
    const dead = sessions.find((session) => session.journey === 'dead-add-to-cart');
    expect(happy).toMatchObject({ outcome: 'completed', problems: [], noiseOnly: true, hasRecording: true });
    expect(dead).toMatchObject({ outcome: 'abandoned', problems: ['dead-add-to-cart'], noiseOnly: false });
    sessions.forEach((session) => expect(session.durationMs).toBeGreaterThan(20_000));
  });

  it('writes analytics events valid per posthogEventSchema, in time order', async () => {
    for (const sessionId of Object.keys(labels.sessions)) {
      const lines = (await readFile(join(out, 'batch', sessionsDir, sessionId, eventsFile), 'utf8')).trim();
      const events = lines.split('\n').map((line) => posthogEventSchema.parse(JSON.parse(line)));
      const times = events.map((event) => Date.parse(event.timestamp));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(events.every((event) => event.properties.$session_id === sessionId)).toBe(true);
      const names = new Set(events.map((event) => event.event));
      expect(names).toContain('$pageview');
      expect(names).toContain(
        labels.sessions[sessionId].outcome === 'completed' ? 'order_completed' : '$rageclick',
      );
    }
  });

  it('writes rrweb recordings that start every page with a full snapshot', async () => {
    const sessionIds = await readdir(join(out, 'batch', sessionsDir));
    expect(sessionIds.sort()).toEqual(Object.keys(labels.sessions).sort());
    for (const sessionId of sessionIds) {
      const text = await readFile(join(out, 'batch', sessionsDir, sessionId, recordingFile), 'utf8');
      const recording = (JSON.parse(text) as unknown[]).map((event) => rrwebEventSchema.parse(event));
      expect(recording.some((event) => event.type === RRWEB_EVENT_TYPE.FullSnapshot)).toBe(true);
      expect(recording.filter((event) => event.type === RRWEB_EVENT_TYPE.Meta).length).toBe(
        recording.filter((event) => event.type === RRWEB_EVENT_TYPE.FullSnapshot).length,
      );
    }
  });

  it('writes batch.json with the report id for the seed and size', async () => {
    const batch: unknown = JSON.parse(await readFile(join(out, 'batch', 'batch.json'), 'utf8'));
    expect(batch).toMatchObject({ reportId: `shop-${SEED}-2` });
  });
});
