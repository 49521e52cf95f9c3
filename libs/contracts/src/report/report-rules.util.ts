import type { z } from 'zod';
import type { Pattern } from './pattern.schema';
import { compareBySeverityAndReach } from './pattern-order.util';

/** The report fields the cross-field rules look at. */
interface CheckedReport {
  status: 'completed' | 'failed';
  failureReason?: string | undefined;
  createdAt: string;
  finishedAt: string;
  sessions: { requested: number; summarized: number; failed: number; skipped: { sessionId: string }[] };
  patterns: Pattern[];
  summaries: { sessionId: string }[];
}

/**
 * Cross-field rules of report v1: failureReason iff failed; finishedAt not before createdAt; every
 * requested session accounted for once; one summary per summarized session; patterns in report order
 * with unique ids.
 */
export function refineReport(report: CheckedReport, ctx: z.RefinementCtx): void {
  const issue = (message: string, path: (string | number)[]) =>
    ctx.addIssue({ code: 'custom', message, path });

  if (report.status === 'failed' && !report.failureReason) {
    issue('a failed report needs a failureReason', ['failureReason']);
  }
  if (report.status === 'completed' && report.failureReason !== undefined) {
    issue('a completed report has no failureReason (use warnings for caveats)', ['failureReason']);
  }
  if (Date.parse(report.finishedAt) < Date.parse(report.createdAt)) {
    issue('finishedAt must not be before createdAt', ['finishedAt']);
  }

  const { requested, summarized, failed, skipped } = report.sessions;
  const accounted = summarized + failed + skipped.length;
  if (report.status === 'completed' ? accounted !== requested : accounted > requested) {
    issue(
      `sessions do not add up: summarized (${summarized}) + failed (${failed}) + skipped (${skipped.length}) ` +
        `${report.status === 'completed' ? '!=' : '>'} requested (${requested})`,
      ['sessions'],
    );
  }
  if (report.summaries.length !== summarized) {
    issue(`summaries.length (${report.summaries.length}) must equal sessions.summarized (${summarized})`, [
      'summaries',
    ]);
  }
  const skippedIds = new Set<string>();
  skipped.forEach((entry, i) => {
    if (skippedIds.has(entry.sessionId)) {
      issue(`session "${entry.sessionId}" is skipped twice`, ['sessions', 'skipped', i, 'sessionId']);
    }
    skippedIds.add(entry.sessionId);
  });
  const summarizedIds = new Set<string>();
  report.summaries.forEach((summary, i) => {
    if (summarizedIds.has(summary.sessionId)) {
      issue(`duplicate summary for session "${summary.sessionId}"`, ['summaries', i, 'sessionId']);
    }
    summarizedIds.add(summary.sessionId);
  });

  const patternIds = new Set<string>();
  report.patterns.forEach((pattern, i) => {
    if (patternIds.has(pattern.id)) issue(`duplicate pattern id "${pattern.id}"`, ['patterns', i, 'id']);
    patternIds.add(pattern.id);
    const previous = report.patterns[i - 1];
    if (previous && compareBySeverityAndReach(previous, pattern) > 0) {
      issue(
        `patterns must be sorted by severity (critical → low), then sessionsAffected (desc): ` +
          `"${pattern.id}" comes after "${previous.id}"`,
        ['patterns', i],
      );
    }
  });
}
