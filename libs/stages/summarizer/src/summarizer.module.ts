import { DynamicModule, Module } from '@nestjs/common';
import { SessionJobsConsumer } from './session-jobs.consumer';
import { SessionSummarizingService } from './session-summarizing.service';
import { SUMMARIZER_CONFIG, SummarizerConfig } from './summarizer.config';

@Module({})
export class SummarizerModule {
  static forRoot(config: SummarizerConfig): DynamicModule {
    return {
      module: SummarizerModule,
      controllers: [SessionJobsConsumer],
      providers: [SessionSummarizingService, { provide: SUMMARIZER_CONFIG, useValue: config }],
    };
  }
}
