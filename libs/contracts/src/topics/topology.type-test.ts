/**
 * Type tests: checked by `npm run typecheck` (tsc fails if an expected error does not occur), never run.
 */
import type { ServiceTopology } from './topology';

export const misspeltTopic: ServiceTopology = {
  consumerGroup: 'sift.typo',
  // @ts-expect-error 'sift.sesion-jobs.v1' is not a topic name
  consumes: ['sift.sesion-jobs.v1'],
  produces: [],
};
