import { definePipelineStage } from '@sift/service-kit';
import { patternExtractorConfigSchema } from './pattern-extractor.config';
import { PatternExtractorModule } from './pattern-extractor.module';

export const patternExtractorStage = definePipelineStage({
  name: 'pattern-extractor',
  configSchema: patternExtractorConfigSchema,
  module: (config) => PatternExtractorModule.forRoot(config),
});
