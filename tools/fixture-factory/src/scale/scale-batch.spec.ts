import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  fileUriFor,
  normalizeSession,
  payloadSourcePolicy,
  readBatchInput,
  resolvePayload,
} from '@sift/sessions';
import { MemoryStateStore } from '@sift/state';
import { batchLabelsSchema } from '../labels.schema';
import { scaleBatch } from './scale-batch.util';
import { writeSyntheticSource } from './synthetic-source.test-util';

interface Event {
  uuid: string;
  event: string;
  timestamp: string;
  properties: Record<string, unknown>;
}
interface Frame {
  timestamp: number;
}
interface Session {
  id: string;
  events: Event[];
  recording?: Frame[];
}

const store = new MemoryStateStore();
const dirs: string[] = [];

async function readSessions(batchDir: string): Promise<Session[]> {
  const input = await readBatchInput(batchDir);
  const policy = payloadSourcePolicy({ fileRoot: input.origin.path });
  return Promise.all(
    input.sessions.map(async ({ sessionId, events, recording }) => {
      if (!events) throw new Error(`${sessionId} has no events.jsonl`);
      return {
        id: sessionId,
        events: (await resolvePayload(fileUriFor(events), store, policy)) as Event[],
        ...(recording && {
          recording: (await resolvePayload(fileUriFor(recording), store, policy)) as Frame[],
        }),
      };
    }),
  );
}

/** Every file under `dir` with its content, sorted by relative path. */
async function treeContents(dir: string): Promise<[string, string][]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return Promise.all(
    files.sort().map(async (file) => [file.slice(dir.length), await readFile(file, 'utf8')]),
  );
}

/** The single offset by which `copy` is `source` moved in time, or `undefined` if it is not a shifted copy. */
function offsetOf(copy: Session, source: Session): number | undefined {
  if (copy.events.map((e) => e.event).join() !== source.events.map((e) => e.event).join()) return undefined;
  const offsets = new Set(
    copy.events.map((e, i) => Date.parse(e.timestamp) - Date.parse(source.events[i]?.timestamp ?? '')),
  );
  (copy.recording ?? []).forEach((frame, i) =>
    offsets.add(frame.timestamp - (source.recording?.[i]?.timestamp ?? NaN)),
  );
  return offsets.size === 1 ? [...offsets][0] : Number.NaN;
}

describe('scaleBatch', () => {
  let sourceDir: string;
  let sources: Session[];
  let out: string;
  let sessions: Session[];

  beforeAll(async () => {
    sourceDir = await writeSyntheticSource();
    out = join(sourceDir, 'out-a');
    dirs.push(sourceDir);
    sources = await readSessions(join(sourceDir, 'batch'));
    const result = await scaleBatch({ from: sourceDir, out, sessions: 30, seed: 7, recordings: 0.5 });
    expect(result).toMatchObject({ sessions: 30, withRecording: 15 });
    sessions = await readSessions(join(out, 'batch'));
  });
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('gives every session, window, user and event a new unique id', () => {
    expect(sessions.map((s) => s.id).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `g-7-${i}`).sort());
    const sourceIds = new Set(sources.flatMap((s) => s.events.map((e) => e.uuid)));
    const uuids = sessions.flatMap((s) => s.events.map((e) => e.uuid));
    expect(new Set(uuids).size).toBe(uuids.length);
    expect(uuids.filter((uuid) => sourceIds.has(uuid))).toEqual([]);
    const windows = sessions.map((s) => new Set(s.events.map((e) => e.properties['$window_id'])));
    expect(windows.every((set) => set.size === 1)).toBe(true);
    expect(new Set(windows.map((set) => [...set][0])).size).toBe(30);
    sessions.forEach((s) => s.events.forEach((e) => expect(e.properties['$session_id']).toBe(s.id)));
  });

  it('shifts events and recording of each session by one and the same offset', () => {
    for (const session of sessions) {
      const offsets = sources.map((source) => offsetOf(session, source)).filter((o) => o !== undefined);
      expect(offsets).toHaveLength(1);
      expect(Number.isFinite(offsets[0])).toBe(true);
    }
    expect(new Set(sessions.map((s) => s.events[0]?.timestamp.slice(0, 10))).size).toBeGreaterThan(2);
  });

  it('writes labels that match the output', async () => {
    const labels = batchLabelsSchema.parse(JSON.parse(await readFile(join(out, 'labels.json'), 'utf8')));
    expect(Object.keys(labels.sessions).sort()).toEqual(sessions.map((s) => s.id).sort());
    for (const session of sessions) {
      const label = labels.sessions[session.id];
      expect(label?.hasRecording).toBe(session.recording !== undefined);
      expect(label?.outcome === 'completed').toBe(session.events.some((e) => e.event === 'order_completed'));
    }
    for (const [id, problem] of Object.entries(labels.problems)) {
      const expected = Object.keys(labels.sessions).filter((s) =>
        labels.sessions[s]?.problems.includes(id as never),
      );
      expect([...problem.sessions].sort()).toEqual(expected.sort());
    }
    expect(labels.problems['dead-add-to-cart'].sessions).toHaveLength(10);
  });

  it('writes sessions that normalize', () => {
    for (const session of sessions) {
      const result = normalizeSession({
        sessionId: session.id,
        events: session.events,
        recording: session.recording,
      });
      expect(result.ok ? 'ok' : result.reason).toBe('ok');
    }
  });

  it('is deterministic for a seed', async () => {
    const again = join(sourceDir, 'out-b');
    await scaleBatch({ from: sourceDir, out: again, sessions: 30, seed: 7, recordings: 0.5 });
    expect(await treeContents(again)).toEqual(await treeContents(out));
    const other = join(sourceDir, 'out-c');
    await scaleBatch({ from: sourceDir, out: other, sessions: 30, seed: 8, recordings: 0.5 });
    expect(await readFile(join(other, 'labels.json'), 'utf8')).not.toBe(
      await readFile(join(out, 'labels.json'), 'utf8'),
    );
  });

  it('refuses to overwrite a batch unless forced', async () => {
    await expect(scaleBatch({ from: sourceDir, out, sessions: 3, seed: 7 })).rejects.toThrow(/--force/);
    await expect(
      scaleBatch({ from: sourceDir, out, sessions: 3, seed: 7, force: true }),
    ).resolves.toMatchObject({
      sessions: 3,
    });
  });
});
