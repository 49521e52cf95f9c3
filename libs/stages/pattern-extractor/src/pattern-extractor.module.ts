import { DynamicModule, Module } from '@nestjs/common';
import { PatternExtractionService } from './pattern-extraction.service';
import { PatternExtractorConfig } from './pattern-extractor.config';
import { PatternJobsConsumer } from './pattern-jobs.consumer';

@Module({})
export class PatternExtractorModule {
  static forRoot(_config: PatternExtractorConfig): DynamicModule {
    return {
      module: PatternExtractorModule,
      controllers: [PatternJobsConsumer],
      providers: [PatternExtractionService],
    };
  }
}
