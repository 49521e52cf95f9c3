import type { ProblemId } from '../problem-catalogue';

/** The scripted behaviours a session can follow (journeys/): the happy path or one problem's story. */
export const JOURNEY_SCRIPTS = [
  'happy-path',
  'dead-add-to-cart',
  'vague-zip-validation',
  'slow-shipping-step',
  'confusing-shipping-help',
] as const;
export type JourneyScript = (typeof JOURNEY_SCRIPTS)[number];

/** One kind of planned session: which script runs, with which problems switched on in the shop. */
export interface JourneyKind {
  readonly name: string;
  readonly script: JourneyScript;
  readonly problems: readonly ProblemId[];
  /** Share of the batch. */
  readonly weight: number;
}

/** The batch mix: every problem's journey, plus a couple that combine the harmless noise with a real one. */
export const JOURNEY_MIX: readonly JourneyKind[] = [
  { name: 'happy-path', script: 'happy-path', problems: [], weight: 0.25 },
  { name: 'dead-add-to-cart', script: 'dead-add-to-cart', problems: ['dead-add-to-cart'], weight: 0.15 },
  {
    name: 'vague-zip-validation',
    script: 'vague-zip-validation',
    problems: ['vague-zip-validation'],
    weight: 0.15,
  },
  {
    name: 'slow-shipping-step',
    script: 'slow-shipping-step',
    problems: ['slow-shipping-step'],
    weight: 0.15,
  },
  {
    name: 'confusing-shipping-help',
    script: 'confusing-shipping-help',
    problems: ['confusing-shipping-help'],
    weight: 0.1,
  },
  { name: 'noisy-analytics-error', script: 'happy-path', problems: ['noisy-analytics-error'], weight: 0.12 },
  {
    name: 'noisy-dead-add-to-cart',
    script: 'dead-add-to-cart',
    problems: ['noisy-analytics-error', 'dead-add-to-cart'],
    weight: 0.04,
  },
  {
    name: 'noisy-slow-shipping-step',
    script: 'slow-shipping-step',
    problems: ['noisy-analytics-error', 'slow-shipping-step'],
    weight: 0.04,
  },
];
