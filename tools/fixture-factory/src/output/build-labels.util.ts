import { PROBLEM_IDS, PROBLEMS, type ProblemId } from '../problem-catalogue';
import { batchLabelsSchema, type BatchLabels } from '../labels.schema';
import type { RecordedSession } from '../recorder/record-batch';
import { encounteredProblems } from './session-problems.util';

/** The analytics event the shop sends when an order goes through: the one sign of a completed session. */
export const ORDER_COMPLETED_EVENT = 'order_completed';

/** Where the batch folder sits relative to `labels.json`. */
export const BATCH_FOLDER_NAME = 'batch';

/** The truth about a recorded batch, validated against the labels schema. */
export function buildLabels(
  seed: number,
  stretch: number,
  sessions: readonly RecordedSession[],
): BatchLabels {
  const sessionLabels = Object.fromEntries(
    sessions.map((session) => {
      const problems = encounteredProblems(session.plan.journey.problems, session.events);
      const label = {
        persona: session.plan.persona.name,
        journey: session.plan.journey.name,
        problems,
        noiseOnly: problems.every((problem) => PROBLEMS[problem].noise),
        outcome: session.events.some((event) => event.event === ORDER_COMPLETED_EVENT)
          ? ('completed' as const)
          : ('abandoned' as const),
        hasRecording: session.recording.length > 0,
        durationMs: session.durationMs,
      };
      return [session.plan.sessionId, label];
    }),
  );
  const problemLabels = Object.fromEntries(
    PROBLEM_IDS.map((problem: ProblemId) => [
      problem,
      {
        ...PROBLEMS[problem],
        sessions: Object.entries(sessionLabels)
          .filter(([, label]) => label.problems.includes(problem))
          .map(([sessionId]) => sessionId),
      },
    ]),
  );
  return batchLabelsSchema.parse({
    version: 1,
    seed,
    stretchFactor: stretch,
    batch: BATCH_FOLDER_NAME,
    problems: problemLabels,
    sessions: sessionLabels,
  });
}
