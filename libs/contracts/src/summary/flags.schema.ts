import { z } from 'zod';

/** How an exception affected the user: `blocking` stopped them, `non-blocking` did not; `null` = no exception. */
export const exceptionImpactSchema = z.enum(['blocking', 'non-blocking']);
export type ExceptionImpact = z.output<typeof exceptionImpactSchema>;

/** The flags a key action (and so a report example) can carry, as one flat list. */
export const FLAGS = ['blocking-exception', 'non-blocking-exception', 'confusion', 'abandonment'] as const;
export const flagSchema = z.enum(FLAGS);
export type Flag = z.output<typeof flagSchema>;

/** The flags that send a moment to video validation (DESIGN §1.2). */
export const MOMENT_FLAGS = ['blocking-exception', 'confusion', 'abandonment'] as const;
export const momentFlagSchema = z.enum(MOMENT_FLAGS);
export type MomentFlag = z.output<typeof momentFlagSchema>;

/** The flat flag list of a key action's `exception` / `confusion` / `abandonment` fields. */
export function flagsOf(action: {
  exception: ExceptionImpact | null;
  confusion: boolean;
  abandonment: boolean;
}): Flag[] {
  const flags: Flag[] = [];
  if (action.exception) flags.push(`${action.exception}-exception`);
  if (action.confusion) flags.push('confusion');
  if (action.abandonment) flags.push('abandonment');
  return flags;
}
