import { DEADLINES_KEY, ScoredMember, StateStore } from '@sift/state';
import { LedgerPhase } from './report-keys.util';

/** One phase of one report waiting for its deadline. */
export interface PhaseDeadline {
  readonly reportId: string;
  readonly phase: LedgerPhase;
  /** The entry's score when it was read: the deadline, or until when a sweeper holds it. */
  readonly at: number;
}

const PHASES: readonly LedgerPhase[] = ['sessions', 'extract', 'combine', 'assign'];

/** Each phase has a member of its own (`<phase>:<reportId>`), so re-arming one never touches another. */
function memberOf(reportId: string, phase: LedgerPhase): string {
  return `${phase}:${reportId}`;
}

function parse({ member, score }: ScoredMember): PhaseDeadline | undefined {
  const colon = member.indexOf(':');
  const phase = PHASES.find((known) => known === member.slice(0, colon));
  return phase ? { reportId: member.slice(colon + 1), phase, at: score } : undefined;
}

/**
 * The global deadline index the aggregator sweeps: a sorted set of phase deadlines. A sweeper claims an
 * entry by moving its score (compare-and-set), so of several replicas exactly one acts on it, and the
 * entry stays until the phase is closed — a sweeper that dies mid-way leaves it for the next one.
 */
export class ReportDeadlines {
  constructor(private readonly store: StateStore) {}

  arm(reportId: string, phase: LedgerPhase, at: number): Promise<void> {
    return this.store.zadd(DEADLINES_KEY, at, memberOf(reportId, phase));
  }

  /**
   * Entries due at `now`, oldest first. Members that name no phase (left by an older version, or written
   * by hand) would block the index's head for good: they are removed and returned in `dropped`.
   */
  async due(now: number, limit = 100): Promise<{ entries: PhaseDeadline[]; dropped: string[] }> {
    const members = await this.store.zrangeByScoreWithScores(DEADLINES_KEY, 0, now, limit);
    const entries: PhaseDeadline[] = [];
    const dropped: string[] = [];
    for (const member of members) {
      const entry = parse(member);
      if (entry) entries.push(entry);
      else if (await this.store.zscoreIf(DEADLINES_KEY, member.member, member.score, null))
        dropped.push(member.member);
    }
    return { entries, dropped };
  }

  /** Moves a due entry to `until` if nobody moved it since it was read; the one caller that did holds it. */
  async hold(entry: PhaseDeadline, until: number): Promise<PhaseDeadline | undefined> {
    const member = memberOf(entry.reportId, entry.phase);
    const held = await this.store.zscoreIf(DEADLINES_KEY, member, entry.at, until);
    return held ? { ...entry, at: until } : undefined;
  }

  /** Removes the entry if it is still as this caller left it (a re-armed phase keeps its new deadline). */
  release(entry: PhaseDeadline): Promise<boolean> {
    return this.store.zscoreIf(DEADLINES_KEY, memberOf(entry.reportId, entry.phase), entry.at, null);
  }

  /** Removes a phase's entry whatever its score: the phase is closed. */
  async settle(reportId: string, phase: LedgerPhase): Promise<void> {
    await this.store.zrem(DEADLINES_KEY, memberOf(reportId, phase));
  }
}
