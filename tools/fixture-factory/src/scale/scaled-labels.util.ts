import type { BatchLabels } from '../labels.schema';
import type { ProblemId } from '../problem-catalogue';
import { generatedSessionId } from './generated-ids.util';
import type { PlannedSession } from './scale-plan.util';
import type { SourceSession } from './source-batch.util';

/**
 * The labels of a scaled-out batch: each generated session carries its source's labels (with
 * `hasRecording` as generated), and every problem lists the generated sessions whose source it listed.
 */
export function scaledLabels(
  source: BatchLabels,
  sources: readonly SourceSession[],
  plan: readonly PlannedSession[],
  seed: number,
): BatchLabels {
  const sessions: BatchLabels['sessions'] = {};
  const problemSessions = new Map<ProblemId, string[]>();
  const problemIds = Object.keys(source.problems) as ProblemId[];
  const listedBy = new Map(problemIds.map((id) => [id, new Set(source.problems[id].sessions)] as const));
  for (const planned of plan) {
    const from = sources[planned.sourceIndex] as SourceSession;
    const sessionId = generatedSessionId(seed, planned.index);
    sessions[sessionId] = {
      ...from.labels,
      problems: [...from.labels.problems],
      hasRecording: planned.keepRecording && from.recording !== undefined,
    };
    for (const id of problemIds) {
      if (!listedBy.get(id)?.has(from.sessionId)) continue;
      const list = problemSessions.get(id) ?? [];
      list.push(sessionId);
      problemSessions.set(id, list);
    }
  }
  const problems = { ...source.problems };
  for (const id of problemIds) {
    problems[id] = { ...source.problems[id], sessions: problemSessions.get(id) ?? [] };
  }
  return { ...source, seed, batch: 'batch', problems, sessions };
}
