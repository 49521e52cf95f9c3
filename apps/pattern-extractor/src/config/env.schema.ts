import { baseEnvSchema } from '@sift/service-kit';

/** The pattern-extractor's environment: the shared variables, with its own default HTTP port. */
export const patternExtractorEnvSchema = baseEnvSchema.extend({
  HTTP_PORT: baseEnvSchema.shape.HTTP_PORT.default(3105),
});
