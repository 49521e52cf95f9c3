import { Severity } from '@sift/contracts';

export const PROBLEM_IDS = [
  'dead-add-to-cart',
  'vague-zip-validation',
  'slow-shipping-step',
  'confusing-shipping-help',
  'noisy-analytics-error',
] as const;
export type ProblemId = (typeof PROBLEM_IDS)[number];

export interface ProblemDefinition {
  readonly description: string;
  /** The least severity a good report gives it; `null` for noise a report must not call blocking. */
  readonly expectedMinSeverity: Severity | null;
  /** True for the harmless noise that must not be reported as a blocking problem. */
  readonly noise: boolean;
}

/** The UX problems the demo shop can switch on, and what a report should make of each. */
export const PROBLEMS: Readonly<Record<ProblemId, ProblemDefinition>> = {
  'dead-add-to-cart': {
    description: '"Add to cart" throws a TypeError and does nothing visible; users click again, some leave',
    expectedMinSeverity: 'high',
    noise: false,
  },
  'vague-zip-validation': {
    description: 'the address form answers every submit with the same vague error; users retype, some leave',
    expectedMinSeverity: 'medium',
    noise: false,
  },
  'slow-shipping-step': {
    description: 'the shipping step spins for several seconds; users click again or go back',
    expectedMinSeverity: 'medium',
    noise: false,
  },
  'confusing-shipping-help': {
    description: 'the shipping help links send users in a loop between two pages before they return or leave',
    expectedMinSeverity: 'low',
    noise: false,
  },
  'noisy-analytics-error': {
    description: 'a harmless script throws on every page while users still complete their purchase',
    expectedMinSeverity: null,
    noise: true,
  },
};
