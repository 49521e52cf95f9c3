import { baseEnvSchema } from '@sift/service-kit';

/** The validator's environment: the shared variables, with its own default HTTP port. */
export const validatorEnvSchema = baseEnvSchema.extend({
  HTTP_PORT: baseEnvSchema.shape.HTTP_PORT.default(3104),
});
