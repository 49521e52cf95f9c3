import {
  comparePatterns,
  type KeyActionEvent,
  type Pattern,
  type PatternExample,
  type SessionSummary,
} from '@sift/contracts';
import { groupFlaggedActions, type FlaggedActionGroup } from './flagged-action-group.util';
import { patternSeverity } from './pattern-severity.util';
import { patternDescription, patternIndicators, patternName } from './pattern-text.util';

/** Input of {@link groupPatterns}. */
export interface GroupPatternsInput {
  summaries: SessionSummary[];
  /** Sessions summarized in the report: the denominator of `sessionsAffectedRatio`. */
  summarizedSessions: number;
}

/**
 * Patterns v0 (DESIGN §1.6, offline): clusters flagged key actions on (signal, normalized page,
 * target), computes stats, keeps the first occurrence per session as its example, and calibrates
 * severity by reach. Deterministic; sorted with `comparePatterns`. A summary repeated for the same
 * session counts once.
 */
export function groupPatterns(input: GroupPatternsInput): Pattern[] {
  const summaries = uniqueBySession(input.summaries);
  const bySession = new Map(summaries.map((s) => [s.sessionId, s]));
  // Never divide by less than the sessions actually seen, so ratios stay within 0..1.
  const summarized = Math.max(input.summarizedSessions, summaries.length, 1);
  return groupFlaggedActions(summaries)
    .map((group) => toPattern(group, bySession, summarized))
    .sort(comparePatterns);
}

function toPattern(
  group: FlaggedActionGroup,
  bySession: ReadonlyMap<string, SessionSummary>,
  summarized: number,
): Pattern {
  const sessionIds = [...new Set(group.occurrences.map((o) => o.sessionId))].sort();
  const ratio = sessionIds.length / summarized;
  return {
    id: group.id,
    name: patternName(group),
    description: patternDescription(group, sessionIds.length, summarized),
    severity: patternSeverity(
      group.occurrences.flatMap((o) => o.flags),
      ratio,
    ),
    indicators: patternIndicators(group),
    stats: {
      sessionsAffected: sessionIds.length,
      sessionsAffectedRatio: ratio,
      occurrences: group.occurrences.length,
      segmentsSuccessRatio: segmentsSuccessRatio(sessionIds.map((id) => bySession.get(id))),
    },
    sessionIds,
    examples: sessionIds.flatMap((sessionId) => {
      const first = group.occurrences.find((o) => o.sessionId === sessionId);
      return first ? [toExample(first.sessionId, first.action, first.flags)] : [];
    }),
  };
}

function toExample(
  sessionId: string,
  action: KeyActionEvent,
  flags: PatternExample['flags'],
): PatternExample {
  return {
    sessionId,
    eventId: action.eventId,
    timestamp: action.timestamp,
    description: action.description,
    flags,
    ...(action.clip ? { clip: action.clip } : {}),
    ...(action.validation ? { validation: action.validation } : {}),
  };
}

/** Share of successful segment outcomes; the share of successful sessions when there are none. */
function segmentsSuccessRatio(summaries: readonly (SessionSummary | undefined)[]): number {
  const present = summaries.filter((s): s is SessionSummary => s !== undefined);
  const outcomes = present.flatMap((s) => s.segmentOutcomes);
  if (outcomes.length > 0) return outcomes.filter((o) => o.success).length / outcomes.length;
  if (present.length === 0) return 0;
  return present.filter((s) => s.sessionOutcome.success).length / present.length;
}

function uniqueBySession(summaries: readonly SessionSummary[]): SessionSummary[] {
  const seen = new Set<string>();
  return summaries.filter((s) => !seen.has(s.sessionId) && seen.add(s.sessionId));
}
