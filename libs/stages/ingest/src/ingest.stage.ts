import { definePipelineStage } from '@sift/service-kit';
import { ingestConfigSchema } from './ingest.config';
import { IngestModule } from './ingest.module';

export const ingestStage = definePipelineStage({
  name: 'ingest',
  configSchema: ingestConfigSchema,
  module: (config) => IngestModule.forRoot(config),
});
