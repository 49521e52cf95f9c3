import { severityRank, type Flag, type Severity } from '@sift/contracts';

/** Base severity of each flag; a pattern takes the strongest among its occurrences. */
export const SEVERITY_BY_FLAG: Readonly<Record<Flag, Severity>> = {
  'blocking-exception': 'critical',
  abandonment: 'high',
  confusion: 'medium',
  'non-blocking-exception': 'low',
};

/** A medium pattern in more than this share of sessions is high (DESIGN §1.6). */
export const WIDESPREAD_MEDIUM_RATIO = 0.5;
/** A critical pattern in at most this share of sessions (2 of 100) is capped at high (DESIGN §1.6). */
export const RARE_CRITICAL_RATIO = 0.02;

/** The strongest severity among the flags; `low` when there are none. */
export function baseSeverity(flags: Iterable<Flag>): Severity {
  let strongest: Severity = 'low';
  for (const flag of flags) {
    const severity = SEVERITY_BY_FLAG[flag];
    if (severityRank(severity) < severityRank(strongest)) strongest = severity;
  }
  return strongest;
}

/**
 * Calibrates a base severity by reach: widespread medium issues become high, rare critical ones are
 * capped at high. `sessionsAffectedRatio` is sessions affected / summarized sessions, 0..1.
 */
export function calibrateSeverity(base: Severity, sessionsAffectedRatio: number): Severity {
  if (base === 'medium' && sessionsAffectedRatio > WIDESPREAD_MEDIUM_RATIO) return 'high';
  if (base === 'critical' && sessionsAffectedRatio <= RARE_CRITICAL_RATIO) return 'high';
  return base;
}

/** {@link baseSeverity} then {@link calibrateSeverity}. */
export function patternSeverity(flags: Iterable<Flag>, sessionsAffectedRatio: number): Severity {
  return calibrateSeverity(baseSeverity(flags), sessionsAffectedRatio);
}
