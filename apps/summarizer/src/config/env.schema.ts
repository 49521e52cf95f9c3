import { baseEnvSchema } from '@sift/service-kit';

/** The summarizer's environment: the shared variables, with its own default HTTP port. */
export const summarizerEnvSchema = baseEnvSchema.extend({
  HTTP_PORT: baseEnvSchema.shape.HTTP_PORT.default(3102),
});
