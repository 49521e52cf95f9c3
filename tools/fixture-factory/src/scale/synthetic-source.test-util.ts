import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchLabels } from '../labels.schema';
import { PROBLEM_IDS, PROBLEMS } from '../problem-catalogue';

/** Shape of one synthetic source session. */
interface SyntheticSpec {
  readonly id: string;
  readonly clicks: number;
  readonly completed: boolean;
  readonly recording: boolean;
  readonly problems: BatchLabels['sessions'][string]['problems'];
  readonly distinctId: string;
}

const SPECS: readonly SyntheticSpec[] = [
  { id: 'rec-a', clicks: 12, completed: true, recording: true, problems: [], distinctId: 'anon-a' },
  {
    id: 'rec-b',
    clicks: 11,
    completed: false,
    recording: true,
    problems: ['dead-add-to-cart'],
    distinctId: 'bob@example.org',
  },
  {
    id: 'rec-c',
    clicks: 15,
    completed: true,
    recording: false,
    problems: ['noisy-analytics-error'],
    distinctId: 'anon-c',
  },
];
const STEP_MS = 2_000;

/**
 * Writes a tiny recorded fixture (`<dir>/batch/` + `<dir>/labels.json`) of three sessions, two with
 * recordings, each about 30 s long with a different number of events; returns `<dir>`.
 */
export async function writeSyntheticSource(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sift-scale-source-'));
  const problems = Object.fromEntries(
    PROBLEM_IDS.map((id) => [
      id,
      {
        ...PROBLEMS[id],
        sessions: SPECS.filter((spec) => spec.problems.includes(id)).map((spec) => spec.id),
      },
    ]),
  ) as BatchLabels['problems'];
  const labels: BatchLabels = {
    version: 1,
    seed: 1,
    stretchFactor: 1,
    batch: 'batch',
    problems,
    sessions: {},
  };
  await mkdir(join(dir, 'batch', 'sessions'), { recursive: true });
  await writeFile(join(dir, 'batch', 'batch.json'), JSON.stringify({ reportId: 'synthetic' }));
  for (const [k, spec] of SPECS.entries()) {
    const startMs = Date.UTC(2024, 5, 3, 9, k * 5, 0);
    const sessionDir = join(dir, 'batch', 'sessions', spec.id);
    await mkdir(sessionDir);
    const events = syntheticEvents(spec, startMs);
    await writeFile(join(sessionDir, 'events.jsonl'), events.map((e) => JSON.stringify(e)).join('\n') + '\n');
    if (spec.recording) {
      await writeFile(join(sessionDir, 'recording.json'), JSON.stringify(syntheticRecording(startMs, spec)));
    }
    labels.sessions[spec.id] = {
      persona: k === 1 ? 'hurried' : 'careful',
      journey: spec.completed ? 'checkout' : 'browse',
      problems: spec.problems,
      noiseOnly: spec.problems.every((id) => id === 'noisy-analytics-error'),
      outcome: spec.completed ? 'completed' : 'abandoned',
      hasRecording: spec.recording,
      durationMs: (spec.clicks + 1) * STEP_MS,
    };
  }
  await writeFile(join(dir, 'labels.json'), JSON.stringify(labels, null, 2));
  return dir;
}

function syntheticEvents(spec: SyntheticSpec, startMs: number): Record<string, unknown>[] {
  const pageviewId = `${spec.id}-e0`;
  const event = (n: number, name: string, extra: Record<string, unknown> = {}) => ({
    uuid: `${spec.id}-e${n}`,
    event: name,
    timestamp: new Date(startMs + n * STEP_MS).toISOString(),
    distinct_id: spec.distinctId,
    properties: {
      $session_id: spec.id,
      $window_id: `${spec.id}-window`,
      $current_url: 'http://127.0.0.1:4000/',
      $pathname: '/',
      $pageview_id: pageviewId,
      $device_id: spec.distinctId,
      $sent_at: new Date(startMs + n * STEP_MS + 150).toISOString(),
      count: 12,
      ...extra,
    },
  });
  const clicks = Array.from({ length: spec.clicks }, (_, i) =>
    event(i + 1, '$autocapture', { $event_type: 'click', $elements_chain: 'button.add:text="Add"' }),
  );
  const last = spec.clicks + 1;
  const end = spec.completed ? event(last, 'order_completed') : event(last, '$pageleave');
  return [event(0, '$pageview'), ...clicks, end];
}

function syntheticRecording(startMs: number, spec: SyntheticSpec): Record<string, unknown>[] {
  const text = (id: number, textContent: string) => ({ type: 3, textContent, id });
  const element = (id: number, tagName: string, childNodes: unknown[]) => ({
    type: 2,
    tagName,
    attributes: {},
    childNodes,
    id,
  });
  const node = {
    type: 0,
    id: 1,
    childNodes: [
      element(2, 'html', [
        element(3, 'head', [element(4, 'style', [text(5, 'body{background:#fafafa;color:#123}')])]),
        element(6, 'body', [element(7, 'h1', [text(8, `Shop for ${spec.id}`)])]),
      ]),
    ],
  };
  const moves = Array.from({ length: spec.clicks + 1 }, (_, i) => ({
    type: 3,
    timestamp: startMs + (i + 1) * STEP_MS,
    data: { source: 1, positions: [{ x: 10 * i, y: 20, id: 7, timeOffset: -50 }] },
  }));
  return [
    { type: 4, timestamp: startMs, data: { href: 'http://127.0.0.1:4000/', width: 800, height: 600 } },
    { type: 2, timestamp: startMs + 1, data: { node, initialOffset: { top: 0, left: 0 } } },
    ...moves,
  ];
}
