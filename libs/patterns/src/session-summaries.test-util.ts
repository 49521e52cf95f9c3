import type { KeyActionEvent, SegmentOutcome, SessionSummary } from '@sift/contracts';

/** Hand-built summaries for specs: one segment, the given key actions, outcomes as asked. */
export function summaryWith(
  sessionId: string,
  actions: Partial<KeyActionEvent>[],
  options: { segmentOutcomes?: boolean[]; success?: boolean } = {},
): SessionSummary {
  const outcomes = options.segmentOutcomes ?? [false];
  return {
    sessionId,
    analyzer: 'offline',
    model: 'offline',
    promptVersion: 'offline-v0',
    segments: outcomes.map((_, index) => ({
      index,
      name: `Segment ${index}`,
      startEventId: `${sessionId}-start`,
      endEventId: `${sessionId}-end`,
    })),
    keyActions: [{ segmentIndex: 0, events: actions.map((a, i) => keyAction(sessionId, i, a)) }],
    segmentOutcomes: outcomes.map((success, segmentIndex): SegmentOutcome => ({
      segmentIndex,
      summary: 'outcome',
      success,
    })),
    sessionOutcome: { description: 'outcome', success: options.success ?? false },
  };
}

function keyAction(sessionId: string, i: number, overrides: Partial<KeyActionEvent>): KeyActionEvent {
  return {
    eventId: `${sessionId}-e${i}`,
    timestamp: `2024-06-01T10:00:0${i}.000Z`,
    description: 'A flagged moment',
    exception: null,
    confusion: false,
    abandonment: false,
    ...overrides,
  };
}

export const tokenError = (url: string, abandonment = false): Partial<KeyActionEvent> => ({
  description: `TypeError: Cannot read properties of undefined (reading 'token') after clicking button "Pay now"`,
  exception: 'blocking',
  abandonment,
  signal: 'exception',
  target: 'button "Pay now"',
  currentUrl: url,
});

export const rageOnAddToCart = (url: string): Partial<KeyActionEvent> => ({
  description: 'Rage-clicked button "Add to cart" 5 times in 0.8 s',
  confusion: true,
  signal: 'rage-click',
  target: 'button "Add to cart"',
  currentUrl: url,
});

/** `n` clean sessions, to set the denominator. */
export const cleanSessions = (n: number): SessionSummary[] =>
  Array.from({ length: n }, (_, i) =>
    summaryWith(`clean-${i}`, [], { segmentOutcomes: [true], success: true }),
  );
