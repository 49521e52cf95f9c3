import { RRWEB_EVENT_TYPE, type PosthogEvent, type RrwebEvent } from '@sift/contracts';
import { canonicalSha256 } from '../hash/canonical-hash.util';
import type { ParsedPayload } from '../parse/parsed-payload.types';
import { parsePosthogEvents } from '../parse/posthog-events.util';
import { parseRrwebRecording } from '../parse/rrweb-recording.util';
import { deriveEventsFromRecording } from './derive-events.util';
import { orderEvents, orderRecording } from './event-order.util';
import type { NormalizeResult, NormalizeSessionInput } from './normalized-session.schema';
import { cutOffMs } from './session-limits.constants';
import { isUserAction } from './user-action.util';

type Rejection = { ok: false; reason: string };
const reject = (reason: string): Rejection => ({ ok: false, reason });

/**
 * Turns a session's raw payloads (as `resolvePayload` returns them) into a `NormalizedSession`:
 * accepted shapes unwrapped, invalid entries dropped and counted, events sorted and de-duplicated,
 * events derived from the recording when there are none, and a content hash for the summary cache.
 * Returns `ok: false` with a human-readable reason when the session cannot be analyzed: nothing valid
 * in it, a recording that cannot be replayed and no events, or too short after the cut-offs.
 */
export function normalizeSession(input: NormalizeSessionInput): NormalizeResult {
  const warnings: string[] = [];
  const parsedEvents = input.events === undefined ? undefined : parsePosthogEvents(input.events);
  const parsedRecording = input.recording === undefined ? undefined : parseRrwebRecording(input.recording);
  const unusable = unusablePayload('events', parsedEvents) ?? unusablePayload('recording', parsedRecording);
  if (unusable) return unusable;

  let recording = parsedRecording ? orderRecording(parsedRecording.items) : undefined;
  if (recording?.length === 0) recording = undefined;
  let events: PosthogEvent[] = parsedEvents?.items ?? [];
  if (events.length === 0 && !recording)
    return reject('the session has no analytics events and no recording');

  const replayable = recording?.some((event) => event.type === RRWEB_EVENT_TYPE.FullSnapshot) ?? false;
  if (recording && !replayable) {
    if (events.length === 0) {
      return reject(
        'the recording has no full snapshot (rrweb type 2), so it cannot be replayed, and there are no analytics events',
      );
    }
    warnings.push(
      'the recording has no full snapshot (rrweb type 2) and was left out: it cannot be replayed',
    );
    recording = undefined;
  }

  const derived = events.length === 0 && recording !== undefined;
  if (derived) {
    events = deriveEventsFromRecording(input.sessionId, recording ?? []);
    if (events.length === 0) {
      return reject(
        'the session has no analytics events and none could be derived from the recording (no page views, clicks, inputs or console errors)',
      );
    }
    warnings.push(`${plural(events.length, 'event was', 'events were')} derived from the recording`);
  }
  const ordered = orderEvents(events);
  noteDropped(warnings, 'event', parsedEvents);
  noteDropped(warnings, 'recording event', parsedRecording);
  if (ordered.duplicates > 0) {
    warnings.push(
      `${plural(ordered.duplicates, 'exact duplicate event was', 'exact duplicate events were')} removed`,
    );
  }
  if (ordered.renamed > 0) {
    warnings.push(
      `${plural(ordered.renamed, 'event shares', 'events share')} a uuid with another event: renamed <uuid>#<n>`,
    );
  }

  const { startMs, endMs } = timeSpan(ordered.events, recording);
  const durationMs = endMs - startMs;
  // The cut-offs drop start-up and leaving noise, not sessions: skipped only when no action is left.
  const cutMs = cutOffMs(durationMs);
  const acted = ordered.events.some((event, index) => {
    const at = Date.parse(event.timestamp);
    return isUserAction(event, index) && at >= startMs + cutMs && at <= endMs - cutMs;
  });
  if (!acted) {
    return reject(
      `no user action is left after cutting the first and last ${seconds(cutMs)} s of the ${seconds(durationMs)} s session (start-up and leaving noise)`,
    );
  }
  return {
    ok: true,
    session: {
      sessionId: input.sessionId,
      events: ordered.events,
      ...(recording && { recording }),
      startMs,
      endMs,
      durationMs,
      eventsDerivedFromRecording: derived,
      droppedEvents: parsedEvents?.dropped ?? 0,
      duplicateEvents: ordered.duplicates,
      droppedRecordingEvents: parsedRecording?.dropped ?? 0,
      warnings,
      contentHash: canonicalSha256({ events: ordered.events, recording: recording ?? null }),
    },
  };
}

/** A rejection when a given payload has an unknown shape, or entries of which none is valid. */
function unusablePayload<T>(what: string, parsed: ParsedPayload<T> | undefined): Rejection | undefined {
  if (!parsed) return undefined;
  if (parsed.unrecognized) return reject(parsed.firstProblem ?? `${what} payload has an unknown shape`);
  if (parsed.items.length === 0 && parsed.dropped > 0) {
    return reject(
      `none of the ${parsed.dropped} ${what} entries is valid (first problem: ${parsed.firstProblem ?? 'unknown'})`,
    );
  }
  return undefined;
}

function noteDropped<T>(warnings: string[], what: string, parsed: ParsedPayload<T> | undefined): void {
  if (!parsed || parsed.dropped === 0) return;
  const count = plural(parsed.dropped, `invalid ${what} was`, `invalid ${what}s were`);
  warnings.push(`${count} dropped (first problem: ${parsed.firstProblem ?? 'unknown'})`);
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function timeSpan(events: readonly PosthogEvent[], recording: readonly RrwebEvent[] | undefined) {
  // Loops rather than Math.min(...): a session can hold more entries than the argument limit allows.
  let startMs = Infinity;
  let endMs = -Infinity;
  const include = (time: number): void => {
    if (time < startMs) startMs = time;
    if (time > endMs) endMs = time;
  };
  for (const event of events) include(Date.parse(event.timestamp));
  for (const event of recording ?? []) include(event.timestamp);
  return { startMs, endMs };
}
