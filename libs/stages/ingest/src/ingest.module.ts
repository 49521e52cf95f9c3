import { DynamicModule, Module } from '@nestjs/common';
import { BatchIngestService } from './batch-ingest.service';
import { BatchesConsumer } from './batches.consumer';
import { INGEST_CONFIG, IngestConfig } from './ingest.config';
import { IntakeCheckpoints } from './intake-checkpoint.store';
import { SessionIntakeService } from './session-intake.service';

@Module({})
export class IngestModule {
  static forRoot(config: IngestConfig): DynamicModule {
    return {
      module: IngestModule,
      controllers: [BatchesConsumer],
      providers: [
        BatchIngestService,
        SessionIntakeService,
        IntakeCheckpoints,
        { provide: INGEST_CONFIG, useValue: config },
      ],
    };
  }
}
