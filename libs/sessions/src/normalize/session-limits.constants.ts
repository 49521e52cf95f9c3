/** Cut from the start and from the end of every session before analysis: loading and leaving are noise. */
export const CUT_OFF_MS = 5_000;

/** The cut-offs never take more than this share of a session at each end (short sessions stay analyzable). */
export const MAX_CUT_SHARE = 0.25;

/** The cut at each end of a session that lasts `durationMs`. */
export function cutOffMs(durationMs: number): number {
  return Math.min(CUT_OFF_MS, durationMs * MAX_CUT_SHARE);
}
