import type { JourneyKind } from './journey-mix.constants';
import type { Persona } from './personas.constants';

/** Everything decided about one session before the browser starts: deterministic for a seed. */
export interface SessionPlan {
  readonly index: number;
  /** `s-<seed>-<index, 3 digits>`. */
  readonly sessionId: string;
  readonly distinctId: string;
  readonly windowId: string;
  readonly persona: Persona;
  readonly journey: JourneyKind;
  /** Whether this shopper gives up once the problem bites, rather than pushing through. */
  readonly givesUp: boolean;
  /** Seed for the journey's own choices (products, typed details). */
  readonly journeySeed: string;
  /** Epoch ms at which the stretched session starts. */
  readonly startTime: number;
}
