import 'reflect-metadata';
import { runService } from '@sift/service-kit';
import { PatternExtractorModule } from './app.module';
import { patternExtractorEnvSchema } from './config/env.schema';

void runService({
  name: 'pattern-extractor',
  module: PatternExtractorModule,
  envSchema: patternExtractorEnvSchema,
});
