import { baseEnvSchema } from '@sift/service-kit';

/** The aggregator's environment: the shared variables, with its own default HTTP port. */
export const aggregatorEnvSchema = baseEnvSchema.extend({
  HTTP_PORT: baseEnvSchema.shape.HTTP_PORT.default(3106),
});
