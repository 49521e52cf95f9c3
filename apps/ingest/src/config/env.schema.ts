import { baseEnvSchema } from '@sift/service-kit';

/** The ingest's environment: the shared variables, with its own default HTTP port. */
export const ingestEnvSchema = baseEnvSchema.extend({
  HTTP_PORT: baseEnvSchema.shape.HTTP_PORT.default(3101),
});
