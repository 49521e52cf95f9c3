import { sessionSummarySchema, type SessionSummary } from '@sift/contracts';
import type { AnalyzeSessionOfflineInput } from './analysis.types';
import { detectExceptions } from './exception-detector.util';
import { toKeyAction, type FlaggedMoment } from './key-action.util';
import { splitPageVisits } from './page-visits.util';
import { detectRageClicks } from './rage-click-detector.util';
import { buildSegmentOutcomes, buildSegments } from './segments.util';
import { describeSessionOutcome, findSessionSuccess } from './session-outcome.util';
import { buildTimeline } from './session-timeline.util';

/** Version of the offline rules; part of the summary cache key, so bump it when the rules change. */
export const OFFLINE_PROMPT_VERSION = 'offline-v0';
/** The `model` an offline summary records. */
export const OFFLINE_MODEL = 'offline';

/**
 * Summarizes one session without any model (DESIGN §5 `offline`): one segment per page visit,
 * key actions for exceptions (blocking when the user did not get past them, naming the click that
 * caused them) and rage clicks, abandonment on the last flagged moment of an unsuccessful session,
 * and segment and session outcomes. Deterministic: the same events always give the same summary.
 *
 * @throws RangeError when the session has no events; ZodError when the ids do not fit the contract
 *   (e.g. a malformed `contentHash`).
 */
export function analyzeSessionOffline(input: AnalyzeSessionOfflineInput): SessionSummary {
  if (input.events.length === 0) {
    throw new RangeError(`session "${input.sessionId}" has no events to analyze`);
  }
  const timeline = buildTimeline(input.events);
  const success = findSessionSuccess(timeline);
  const detections = [
    ...detectExceptions(timeline, success !== undefined),
    ...detectRageClicks(timeline),
  ].sort((a, b) => a.index - b.index);
  const abandonedAt = success ? -1 : detections.length - 1;
  const moments: FlaggedMoment[] = detections.map((detection, i) => ({
    detection,
    action: toKeyAction(timeline, detection, i === abandonedAt),
  }));
  const visits = splitPageVisits(timeline);
  const momentsByVisit = visits.map((visit) =>
    moments.filter(({ detection }) => detection.index >= visit.start && detection.index <= visit.end),
  );

  return sessionSummarySchema.parse({
    sessionId: input.sessionId,
    analyzer: 'offline',
    model: OFFLINE_MODEL,
    promptVersion: OFFLINE_PROMPT_VERSION,
    ...(input.contentHash ? { contentHash: input.contentHash } : {}),
    segments: buildSegments(timeline, visits, momentsByVisit),
    keyActions: visits
      .map((visit, i) => ({
        segmentIndex: visit.index,
        events: (momentsByVisit[i] ?? []).map((m) => m.action),
      }))
      .filter((group) => group.events.length > 0),
    segmentOutcomes: buildSegmentOutcomes(visits, momentsByVisit, success),
    sessionOutcome: describeSessionOutcome(timeline, success, detections),
  });
}
