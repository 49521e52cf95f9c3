import { definePipelineStage } from '@sift/service-kit';
import { validatorConfigSchema } from './validator.config';
import { ValidatorModule } from './validator.module';

export const validatorStage = definePipelineStage({
  name: 'validator',
  configSchema: validatorConfigSchema,
  module: (config) => ValidatorModule.forRoot(config),
});
