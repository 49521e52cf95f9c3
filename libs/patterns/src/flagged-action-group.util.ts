import { createHash } from 'node:crypto';
import { flagsOf, type Flag, type KeyActionEvent, type SessionSummary } from '@sift/contracts';
import { normalizePagePath } from './page-path.util';

/** One flagged key action, with the session it came from. */
export interface Occurrence {
  sessionId: string;
  action: KeyActionEvent;
  flags: Flag[];
}

/** Flagged key actions that share a signal, a normalized page and a target. */
export interface FlaggedActionGroup {
  /** Pattern id derived from the group key: `p-` + 10 hex chars of its SHA-256. */
  id: string;
  signal: string;
  /** Normalized page path, `''` when unknown. */
  page: string;
  /** The element involved, `''` when none. */
  target: string;
  /** In summary order: sessions as given, key actions as listed. */
  occurrences: Occurrence[];
}

/**
 * Groups every flagged key action of the summaries by (signal, else its first flag; normalized page;
 * target), in first-seen order. Actions without flags are context, not problems, and are left out.
 */
export function groupFlaggedActions(summaries: readonly SessionSummary[]): FlaggedActionGroup[] {
  const groups = new Map<string, FlaggedActionGroup>();
  for (const summary of summaries) {
    for (const action of summary.keyActions.flatMap((group) => group.events)) {
      const flags = flagsOf(action);
      const firstFlag = flags[0];
      if (!firstFlag) continue;
      const signal = action.signal ?? firstFlag;
      const page = normalizePagePath(action.currentUrl);
      const target = action.target ?? '';
      const key = JSON.stringify([signal, page, target]);
      let group = groups.get(key);
      if (!group) {
        group = { id: patternIdOf(key), signal, page, target, occurrences: [] };
        groups.set(key, group);
      }
      group.occurrences.push({ sessionId: summary.sessionId, action, flags });
    }
  }
  return [...groups.values()];
}

function patternIdOf(key: string): string {
  return `p-${createHash('sha256').update(key).digest('hex').slice(0, 10)}`;
}
