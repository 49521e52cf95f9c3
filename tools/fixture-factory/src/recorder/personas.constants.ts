/** The kinds of shopper a journey can be played by. */
export const PERSONA_NAMES = [
  'careful-shopper',
  'impatient-shopper',
  'browser',
  'returning-customer',
] as const;
export type PersonaName = (typeof PERSONA_NAMES)[number];

/**
 * How a shopper handles mouse and keyboard. Times are REAL milliseconds in the browser; the recorder
 * stretches the recorded session afterwards (×5 by default), so 30 ms per key reads as 150 ms.
 */
export interface Persona {
  readonly name: PersonaName;
  /** Delay between keystrokes. */
  readonly typingDelayMs: number;
  /** Chance per letter of hitting a wrong key first (then fixed with Backspace). */
  readonly typoRate: number;
  /** Pause before acting on an element: [min, max]. */
  readonly hesitationMs: readonly [number, number];
  /** Pause to read a freshly loaded page: [min, max]. */
  readonly readingMs: readonly [number, number];
  /** Pixels per mouse-move step: higher moves faster. */
  readonly mouseStepPx: number;
  /** How many times this shopper retries something that fails before giving up. */
  readonly patience: number;
  /** Share of the planned sessions played by this persona. */
  readonly weight: number;
}

/** The personas, with their share of sessions. */
export const PERSONAS: Readonly<Record<PersonaName, Persona>> = {
  'careful-shopper': {
    name: 'careful-shopper',
    typingDelayMs: 26,
    typoRate: 0.02,
    hesitationMs: [60, 160],
    readingMs: [220, 450],
    mouseStepPx: 60,
    patience: 4,
    weight: 0.3,
  },
  'impatient-shopper': {
    name: 'impatient-shopper',
    typingDelayMs: 14,
    typoRate: 0.06,
    hesitationMs: [20, 60],
    readingMs: [100, 220],
    mouseStepPx: 120,
    patience: 1,
    weight: 0.25,
  },
  browser: {
    name: 'browser',
    typingDelayMs: 20,
    typoRate: 0.04,
    hesitationMs: [50, 120],
    readingMs: [180, 400],
    mouseStepPx: 80,
    patience: 2,
    weight: 0.25,
  },
  'returning-customer': {
    name: 'returning-customer',
    typingDelayMs: 17,
    typoRate: 0.02,
    hesitationMs: [40, 100],
    readingMs: [150, 320],
    mouseStepPx: 100,
    patience: 3,
    weight: 0.2,
  },
};
