import { flagsOf, Moment, MomentFlag, SessionSummary } from '@sift/contracts';

/** The key actions worth a video check, one moment per (event, flag). */
export function flaggedMoments(summary: SessionSummary, validate: readonly MomentFlag[]): Moment[] {
  return summary.keyActions.flatMap((group) =>
    group.events.flatMap((action) =>
      flagsOf(action)
        .filter((flag): flag is MomentFlag => (validate as readonly string[]).includes(flag))
        .map((flag) => ({
          eventId: action.eventId,
          timestamp: action.timestamp,
          flag,
          description: action.description,
          ...(action.windowId ? { windowId: action.windowId } : {}),
        })),
    ),
  );
}

/** Marks the given moments as not validated, with the reason, when no clip can be made for them. */
export function withValidationSkipped(
  summary: SessionSummary,
  eventIds: ReadonlySet<string>,
  reason: string,
): SessionSummary {
  return {
    ...summary,
    keyActions: summary.keyActions.map((group) => ({
      ...group,
      events: group.events.map((action) =>
        eventIds.has(action.eventId)
          ? { ...action, validation: { status: 'skipped' as const, reason } }
          : action,
      ),
    })),
  };
}
