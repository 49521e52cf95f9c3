import { definePipelineStage } from '@sift/service-kit';
import { aggregatorConfigSchema } from './aggregator.config';
import { AggregatorModule } from './aggregator.module';

export const aggregatorStage = definePipelineStage({
  name: 'aggregator',
  configSchema: aggregatorConfigSchema,
  module: (config) => AggregatorModule.forRoot(config),
});
