import { baseEnvSchema } from '@sift/service-kit';

/** The video-renderer's environment: the shared variables, with its own default HTTP port. */
export const videoRendererEnvSchema = baseEnvSchema.extend({
  HTTP_PORT: baseEnvSchema.shape.HTTP_PORT.default(3103),
});
