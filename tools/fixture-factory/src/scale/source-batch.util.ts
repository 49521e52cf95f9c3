import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BatchFolder, PosthogEvent, RrwebEvent } from '@sift/contracts';
import {
  fileUriFor,
  parsePosthogEvents,
  parseRrwebRecording,
  readBatchInput,
  payloadSourcePolicy,
  type PayloadSourcePolicy,
  resolvePayload,
  type BatchInputSession,
  type ParsedPayload,
} from '@sift/sessions';
import { MemoryStateStore } from '@sift/state';
import { z } from 'zod';
import { batchLabelsSchema, type BatchLabels } from '../labels.schema';
import { buildTemplate, type PayloadTemplate } from './payload-template.util';
import { collectIdentities, type SourceIdentity } from './source-identities.util';

/** Labels of one session, as `labels.json` lists them. */
export type SessionLabels = BatchLabels['sessions'][string];

/** One recorded session, ready to be copied many times. */
export interface SourceSession {
  readonly sessionId: string;
  readonly labels: SessionLabels;
  readonly identities: readonly SourceIdentity[];
  /** `events.jsonl` with its ids and timestamps cut out. */
  readonly events: PayloadTemplate;
  /** `recording.json` (a plain rrweb event array), when the session has one. */
  readonly recording?: PayloadTemplate;
  /** Earliest event or recording timestamp, epoch ms. */
  readonly startMs: number;
}

/** A recorded batch (`<dir>/labels.json` + the batch folder it names), loaded for scaling out. */
export interface SourceBatch {
  readonly labels: BatchLabels;
  readonly batch: BatchFolder;
  readonly sessions: readonly SourceSession[];
}

/** Reads `<dir>/labels.json` and its batch; fails with a precise reason when they do not match. */
export async function loadSourceBatch(dir: string): Promise<SourceBatch> {
  const labelsPath = join(resolve(dir), 'labels.json');
  const parsed = batchLabelsSchema.safeParse(JSON.parse(await readFile(labelsPath, 'utf8')));
  if (!parsed.success) throw new Error(`${labelsPath} is not valid:\n${z.prettifyError(parsed.error)}`);
  const labels = parsed.data;
  const input = await readBatchInput(resolve(dir, labels.batch));
  const listed = Object.keys(labels.sessions).sort();
  const found = input.sessions.map((session) => session.sessionId);
  if (listed.join('\n') !== found.join('\n')) {
    throw new Error(
      `${labelsPath} lists sessions [${listed.join(', ')}] but the batch holds [${found.join(', ')}]`,
    );
  }
  const store = new MemoryStateStore();
  const sessions = await Promise.all(
    input.sessions.map(async (session) => {
      const sessionLabels = labels.sessions[session.sessionId] as SessionLabels;
      return loadSourceSession(
        session,
        sessionLabels,
        store,
        payloadSourcePolicy({ fileRoot: input.origin.path }),
      );
    }),
  );
  return { labels, batch: input.batch, sessions };
}

async function loadSourceSession(
  session: BatchInputSession,
  labels: SessionLabels,
  store: MemoryStateStore,
  policy: PayloadSourcePolicy,
): Promise<SourceSession> {
  const { sessionId } = session;
  if (!session.events) throw new Error(`source session ${sessionId} has no events.jsonl`);
  const events = validItems(
    sessionId,
    'event',
    parsePosthogEvents(await resolvePayload(fileUriFor(session.events), store, policy)),
  );
  const recording = session.recording
    ? validItems(
        sessionId,
        'recording event',
        parseRrwebRecording(await resolvePayload(fileUriFor(session.recording), store, policy)),
      )
    : [];
  const startMs = sessionStartMs(events, recording);
  const identities = collectIdentities(sessionId, events, recording, startMs);
  return {
    sessionId,
    labels,
    identities: identities.list,
    events: buildTemplate(events, identities.index, 'lines'),
    ...(recording.length > 0 && { recording: buildTemplate(recording, identities.index, 'json') }),
    startMs,
  };
}

function validItems<T>(sessionId: string, what: string, parsed: ParsedPayload<T>): T[] {
  if (parsed.dropped > 0 || parsed.unrecognized) {
    throw new Error(
      `source session ${sessionId}: ${parsed.dropped} invalid ${what}(s): ${parsed.firstProblem ?? 'unknown shape'}`,
    );
  }
  return parsed.items;
}

function sessionStartMs(events: readonly PosthogEvent[], recording: readonly RrwebEvent[]): number {
  let start = Infinity;
  for (const event of events) start = Math.min(start, Date.parse(event.timestamp));
  for (const event of recording) start = Math.min(start, event.timestamp);
  return start;
}
