import { ServiceName } from '@sift/contracts';
import { z } from 'zod';
import { PipelineStage, StageConfigSchema } from '../pipeline/pipeline-stage';
import { BaseEnv, baseEnvSchema } from './base-env.schema';
import { EnvError } from './env.error';
import { setVariables } from './set-variables.util';

const DEFAULT_HTTP_PORTS: Record<ServiceName, number> = {
  ingest: 3101,
  summarizer: 3102,
  'video-renderer': 3103,
  validator: 3104,
  'pattern-extractor': 3105,
  aggregator: 3106,
};

export interface ServiceEnv<S extends StageConfigSchema> {
  readonly base: BaseEnv;
  readonly stage: z.output<S>;
}

/**
 * A service's whole environment: the shared variables (with its default HTTP port) and its stage's
 * own. Every bad variable of both is named in one error.
 */
export function parseServiceEnv<S extends StageConfigSchema>(
  stage: PipelineStage<S>,
  env: NodeJS.ProcessEnv = process.env,
): ServiceEnv<S> {
  const baseSchema = baseEnvSchema.extend({
    HTTP_PORT: baseEnvSchema.shape.HTTP_PORT.default(DEFAULT_HTTP_PORTS[stage.name]),
  });
  const set = setVariables(env);
  const base = baseSchema.safeParse(set);
  const own = stage.configSchema.safeParse(set);
  if (base.success && own.success) return { base: base.data, stage: own.data };
  throw new EnvError(stage.name, [...(base.error?.issues ?? []), ...(own.error?.issues ?? [])]);
}
