import { SessionRecord } from './aggregator-state.schema';

/** A session that did not make it into the report, and why. */
export interface SessionFailure {
  readonly sessionId: string;
  readonly reason: string;
}

/** Why a session that never reported is failed when its report closes. */
export const SESSION_DEADLINE_REASON = 'did not finish before the report deadline';

const IDS_LISTED_PER_WARNING = 10;

/**
 * Why the report cannot go on with these sessions, or `undefined` when enough were summarized: skipped
 * sessions are left out of the ratio (they were never meant to be analysed).
 */
export function sessionsFailureReason(
  records: readonly SessionRecord[],
  threshold: number,
): string | undefined {
  const requested = records.length;
  const skipped = records.filter((record) => record.outcome.status === 'skipped').length;
  const succeeded = records.filter((record) => record.outcome.status === 'succeeded').length;
  const analyzable = requested - skipped;
  if (analyzable === 0) return `no session could be analyzed: all ${requested} sessions were skipped`;
  const ratio = succeeded / analyzable;
  if (ratio >= threshold) return undefined;
  const uncounted = skipped === 0 ? '' : `; ${skipped} skipped not counted`;
  return (
    `only ${succeeded} of ${analyzable} sessions were summarized (${percent(ratio)}${uncounted}), ` +
    `below the ${percent(threshold)} threshold for a report`
  );
}

/** Why pattern extraction cannot complete the report, or `undefined` when enough chunks succeeded. */
export function chunksFailureReason(
  failures: readonly string[],
  chunkCount: number,
  threshold: number,
): string | undefined {
  if ((chunkCount - failures.length) / chunkCount >= threshold) return undefined;
  return `pattern extraction failed for ${failures.length} of ${chunkCount} chunks: ${failures[0]}`;
}

/** One warning per distinct failure reason, naming the sessions (the report itself only counts them). */
export function failureWarnings(failures: readonly SessionFailure[]): string[] {
  const byReason = new Map<string, string[]>();
  for (const { sessionId, reason } of failures) {
    const sessionIds = byReason.get(reason) ?? [];
    sessionIds.push(sessionId);
    byReason.set(reason, sessionIds);
  }
  return [...byReason].map(([reason, sessionIds]) => {
    const listed = sessionIds.slice(0, IDS_LISTED_PER_WARNING).join(', ');
    const more =
      sessionIds.length > IDS_LISTED_PER_WARNING
        ? ` and ${sessionIds.length - IDS_LISTED_PER_WARNING} more`
        : '';
    const sessions = sessionIds.length === 1 ? 'session' : 'sessions';
    return `${sessionIds.length} ${sessions} failed: ${reason} (${listed}${more})`;
  });
}

/** Rounded down, so a ratio just under the threshold never reads as equal to it. */
function percent(ratio: number): string {
  return `${Math.floor(ratio * 100 + 1e-9)}%`;
}
