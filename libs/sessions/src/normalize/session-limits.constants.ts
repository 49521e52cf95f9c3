/** Cut from the start and from the end of every session before analysis: loading and leaving are noise. */
export const CUT_OFF_MS = 5_000;

/** What must remain after both cut-offs for a session to be analyzed (DESIGN §2: "under 10 s ... skipped"). */
export const MIN_ANALYZED_MS = 10_000;

/** The shortest session that is analyzed: both cut-offs plus the minimum that remains. */
export const MIN_SESSION_MS = 2 * CUT_OFF_MS + MIN_ANALYZED_MS;
