import { Type } from '@nestjs/common';
import { ServiceName } from '@sift/contracts';
import { z } from 'zod';
import { BaseEnv } from '../config/base-env.schema';

/** What a service's `main.ts` hands to `bootstrapService`. */
export interface ServiceDefinition<S extends z.ZodType<BaseEnv> = z.ZodType<BaseEnv>> {
  readonly name: ServiceName;
  /** The service's feature module; its consumers bind topics with `@ConsumeTopic`. */
  readonly module: Type<unknown>;
  /** `baseEnvSchema` extended with the service's own variables (and its default HTTP port). */
  readonly envSchema: S;
}
