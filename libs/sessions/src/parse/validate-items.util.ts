import type { z } from 'zod';
import { unparseableLineOf } from '../payload/json-text.util';
import type { ParsedPayload } from './parsed-payload.types';

/** True for a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A parse result for a payload whose shape was not recognized. */
export function unrecognized<T>(problem: string): ParsedPayload<T> {
  return { items: [], dropped: 0, firstProblem: problem, unrecognized: true };
}

/**
 * Validates each entry with `schema`, keeping the valid ones and counting the rest, so one bad event
 * never costs a whole session. `what` names an entry in problem texts (e.g. `event`).
 */
export function validateItems<T>(items: unknown[], schema: z.ZodType<T>, what: string): ParsedPayload<T> {
  const valid: T[] = [];
  let dropped = 0;
  let firstProblem: string | undefined;
  items.forEach((item, index) => {
    const line = unparseableLineOf(item);
    const parsed = line === undefined ? schema.safeParse(item) : undefined;
    if (parsed?.success) {
      valid.push(parsed.data);
      return;
    }
    dropped += 1;
    if (firstProblem !== undefined) return;
    if (line !== undefined) {
      firstProblem = `line ${line} is not valid JSON`;
    } else {
      const issue = parsed?.error.issues[0];
      const path = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      firstProblem = `${what} ${index + 1}: ${path}${issue?.message ?? 'invalid'}`;
    }
  });
  return { items: valid, dropped, unrecognized: false, ...(firstProblem !== undefined && { firstProblem }) };
}
