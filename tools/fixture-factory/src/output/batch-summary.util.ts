import { PROBLEM_IDS } from '../problem-catalogue';
import type { BatchLabels } from '../labels.schema';

/** Run facts printed beside the labels. */
export interface RunFacts {
  readonly out: string;
  readonly bytes: number;
  readonly wallMs: number;
  readonly concurrency: number;
}

/** A short human-readable summary: sessions by journey and outcome, problems, size and wall time. */
export function formatBatchSummary(labels: BatchLabels, facts: RunFacts): string {
  const sessions = Object.values(labels.sessions);
  const byJourney = new Map<string, { completed: number; abandoned: number }>();
  for (const session of sessions) {
    const row = byJourney.get(session.journey) ?? { completed: 0, abandoned: 0 };
    row[session.outcome] += 1;
    byJourney.set(session.journey, row);
  }
  const width = Math.max(...[...byJourney.keys()].map((name) => name.length), 'journey'.length) + 2;
  const lines = [
    `${sessions.length} sessions, ${(facts.bytes / 1_048_576).toFixed(1)} MB, recorded in ` +
      `${(facts.wallMs / 1000).toFixed(1)} s (concurrency ${facts.concurrency}, stretch ×${labels.stretchFactor}) → ${facts.out}`,
    `${'journey'.padEnd(width)}completed  abandoned`,
    ...[...byJourney].map(
      ([name, row]) =>
        `${name.padEnd(width)}${String(row.completed).padStart(9)}  ${String(row.abandoned).padStart(9)}`,
    ),
    `problems encountered: ${PROBLEM_IDS.map((id) => `${id} ${labels.problems[id].sessions.length}`).join(', ')}`,
    `durations: ${range(sessions.map((session) => session.durationMs / 1000))} s (stretched)`,
  ];
  return lines.join('\n') + '\n';
}

function range(values: readonly number[]): string {
  if (values.length === 0) return 'none';
  return `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
}
