import { z } from 'zod';
import { eventIdSchema, patternIdSchema, sessionIdSchema } from '../shared/ids.schema';
import { isoTimestampSchema } from '../shared/timestamp.schema';
import { clipValidationSchema, summaryClipSchema } from '../summary/clip-validation.schema';
import { flagSchema } from '../summary/flags.schema';
import { severitySchema } from './severity.schema';

const ratio = z.number().min(0).max(1);

/** Event-level evidence of a pattern in one session. */
export const patternExampleSchema = z.strictObject({
  sessionId: sessionIdSchema,
  eventId: eventIdSchema,
  timestamp: isoTimestampSchema,
  description: z.string().min(1),
  /** The key action's flags at report time (after video validation). */
  flags: z
    .array(flagSchema)
    .min(1, { error: 'an example needs at least one flag' })
    .refine((flags) => new Set(flags).size === flags.length, { error: 'flags must not repeat' }),
  clip: summaryClipSchema.optional(),
  validation: clipValidationSchema.optional(),
});
export type PatternExample = z.output<typeof patternExampleSchema>;

export const patternStatsSchema = z
  .strictObject({
    /** Distinct sessions with at least one occurrence; equals `sessionIds.length`. */
    sessionsAffected: z.int().nonnegative(),
    /** `sessionsAffected` / summarized sessions, 0..1. */
    sessionsAffectedRatio: ratio,
    /** Flagged events assigned to the pattern, across all sessions. */
    occurrences: z.int().nonnegative(),
    /** Share of the affected sessions' segments that still ended in success, 0..1. */
    segmentsSuccessRatio: ratio,
  })
  .refine((stats) => stats.occurrences >= stats.sessionsAffected, {
    error: 'occurrences must be at least sessionsAffected',
    path: ['occurrences'],
  });
export type PatternStats = z.output<typeof patternStatsSchema>;

/** A recurring problem across sessions. */
export const patternSchema = z
  .strictObject({
    id: patternIdSchema,
    name: z.string().min(1),
    description: z.string().min(1),
    severity: severitySchema,
    /** Observable signals that identify the pattern, e.g. "3+ clicks on Pay within 1 s". */
    indicators: z.array(z.string().min(1)),
    stats: patternStatsSchema,
    sessionIds: z.array(sessionIdSchema),
    /** At most one example per session. */
    examples: z.array(patternExampleSchema),
  })
  .superRefine((pattern, ctx) => {
    const sessionIds = new Set(pattern.sessionIds);
    if (sessionIds.size !== pattern.sessionIds.length) {
      ctx.addIssue({ code: 'custom', message: 'sessionIds must not repeat', path: ['sessionIds'] });
    }
    if (pattern.stats.sessionsAffected !== pattern.sessionIds.length) {
      ctx.addIssue({
        code: 'custom',
        message: `stats.sessionsAffected (${pattern.stats.sessionsAffected}) must equal sessionIds.length (${pattern.sessionIds.length})`,
        path: ['stats', 'sessionsAffected'],
      });
    }
    const exampleSessions = new Set<string>();
    pattern.examples.forEach((example, i) => {
      const path = ['examples', i, 'sessionId'];
      if (!sessionIds.has(example.sessionId)) {
        ctx.addIssue({
          code: 'custom',
          message: `example session "${example.sessionId}" is not in sessionIds`,
          path,
        });
      }
      if (exampleSessions.has(example.sessionId)) {
        ctx.addIssue({
          code: 'custom',
          message: `more than one example for session "${example.sessionId}"`,
          path,
        });
      }
      exampleSessions.add(example.sessionId);
    });
  });
export type Pattern = z.output<typeof patternSchema>;
