import { describeFixtureSet } from '../fixtures/fixture-set.test-util';
import { completedReport, reportFixtures } from '../fixtures/report.fixtures';
import { comparePatterns, type OrderablePattern } from './pattern-order.util';
import { reportV1Schema } from './report.schema';
import { severityOrder } from './severity.schema';

describeFixtureSet('report v1', reportV1Schema, reportFixtures);

const pattern = (
  id: string,
  severity: OrderablePattern['severity'],
  sessionsAffected: number,
  occurrences = sessionsAffected,
) => ({
  id,
  severity,
  stats: { sessionsAffected, occurrences },
});

describe('comparePatterns', () => {
  it('lists severities critical → high → medium → low', () => {
    expect(severityOrder).toEqual(['critical', 'high', 'medium', 'low']);
  });

  it('sorts by severity, then sessions affected (desc), then occurrences (desc), then id', () => {
    const sorted = [
      pattern('low-big', 'low', 90),
      pattern('medium-small', 'medium', 3),
      pattern('critical-small', 'critical', 2),
      pattern('high-b', 'high', 10, 12),
      pattern('medium-big', 'medium', 40),
      pattern('high-a', 'high', 10, 12),
      pattern('high-more-occurrences', 'high', 10, 30),
      pattern('critical-big', 'critical', 20),
    ].sort(comparePatterns);

    expect(sorted.map((p) => p.id)).toEqual([
      'critical-big',
      'critical-small',
      'high-more-occurrences',
      'high-a',
      'high-b',
      'medium-big',
      'medium-small',
      'low-big',
    ]);
  });

  it('is the order the report schema expects', () => {
    const patterns = [...completedReport.patterns].reverse();
    const result = reportV1Schema.safeParse({ ...completedReport, patterns });
    expect(result.error?.issues[0]?.message).toMatch(/patterns must be sorted by severity/);
    const sorted = reportV1Schema.parse({ ...completedReport, patterns: patterns.sort(comparePatterns) });
    expect(sorted.patterns.map((p) => p.severity)).toEqual(['critical', 'medium']);
  });
});

describe('report v1 messages', () => {
  it('says which counts do not add up', () => {
    const result = reportV1Schema.safeParse({
      ...completedReport,
      sessions: { ...completedReport.sessions, requested: 5 },
    });
    expect(result.error?.issues.map((issue) => issue.message)).toContain(
      'sessions do not add up: summarized (2) + failed (0) + skipped (1) != requested (5)',
    );
  });
});
