import type { Page } from 'puppeteer';
import type { HumanInput } from '../recorder/human-input';
import type { Random } from '../recorder/random.util';
import type { SessionPlan } from '../recorder/session-plan.types';

/** What a journey script gets to play one planned session in the shop. */
export interface JourneyContext {
  readonly page: Page;
  readonly human: HumanInput;
  readonly plan: SessionPlan;
  /** For the journey's own choices (which product, what to type); seeded from the plan. */
  readonly random: Random;
  /** The absolute URL of a shop path such as `/cart.html`. */
  url(path: string): string;
}

/**
 * A scripted journey through the shop. It ends where the shopper stops (order confirmed or given up);
 * the recorder then closes the page, so leaving needs no step of its own.
 */
export type Journey = (context: JourneyContext) => Promise<void>;
