import { DynamicModule, Module } from '@nestjs/common';
import { AGGREGATOR_CONFIG, AggregatorConfig } from './aggregator.config';
import { DeadlineSweeper } from './deadline-sweeper.service';
import { KnownReports } from './known-reports.service';
import { PatternChunks } from './pattern-chunks.store';
import { PatternResultsConsumer } from './pattern-results.consumer';
import { PatternsPhaseService } from './patterns-phase.service';
import { ReportFinalizer } from './report-finalizer.service';
import { ReportLocks } from './report-locks.service';
import { ReportProgressPublisher } from './report-progress.publisher';
import { ReportTransitions } from './report-transitions.store';
import { SessionOutcomes } from './session-outcomes.store';
import { SessionResultsConsumer } from './session-results.consumer';
import { SessionsPhaseService } from './sessions-phase.service';

@Module({})
export class AggregatorModule {
  static forRoot(config: AggregatorConfig): DynamicModule {
    return {
      module: AggregatorModule,
      controllers: [SessionResultsConsumer, PatternResultsConsumer],
      providers: [
        { provide: AGGREGATOR_CONFIG, useValue: config },
        KnownReports,
        ReportLocks,
        ReportTransitions,
        SessionOutcomes,
        PatternChunks,
        ReportProgressPublisher,
        ReportFinalizer,
        PatternsPhaseService,
        SessionsPhaseService,
        DeadlineSweeper,
      ],
    };
  }
}
