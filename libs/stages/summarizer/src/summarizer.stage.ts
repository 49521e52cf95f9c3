import { definePipelineStage } from '@sift/service-kit';
import { summarizerConfigSchema } from './summarizer.config';
import { SummarizerModule } from './summarizer.module';

export const summarizerStage = definePipelineStage({
  name: 'summarizer',
  configSchema: summarizerConfigSchema,
  module: (config) => SummarizerModule.forRoot(config),
});
