import { severityRank, type Severity } from './severity.schema';

/** What ordering patterns needs. */
export interface OrderablePattern {
  readonly id: string;
  readonly severity: Severity;
  readonly stats: { readonly sessionsAffected: number; readonly occurrences: number };
}

/**
 * The report's pattern order (DESIGN §3): critical → high → medium → low, then more sessions affected
 * first. Ties are broken by occurrences (more first), then by id, so the order is deterministic.
 * Use as `patterns.sort(comparePatterns)`.
 */
export function comparePatterns(a: OrderablePattern, b: OrderablePattern): number {
  return (
    compareBySeverityAndReach(a, b) ||
    b.stats.occurrences - a.stats.occurrences ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The part of the order DESIGN fixes (severity, then sessions affected); reports are checked against it. */
export function compareBySeverityAndReach(a: OrderablePattern, b: OrderablePattern): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) || b.stats.sessionsAffected - a.stats.sessionsAffected
  );
}
