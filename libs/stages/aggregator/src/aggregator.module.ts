import { DynamicModule, Module } from '@nestjs/common';
import { ReportDeadlines } from '@sift/reports';
import { STATE_STORE } from '@sift/service-kit';
import { StateStore } from '@sift/state';
import { AGGREGATOR_CONFIG, AggregatorConfig } from './aggregator.config';
import { DeadlineSweeper } from './deadline-sweeper.service';
import { KnownReports } from './known-reports.service';
import { PatternChunks } from './pattern-chunks.store';
import { PatternResultsConsumer } from './pattern-results.consumer';
import { PatternsPhaseService } from './patterns-phase.service';
import { ReportFinalizer } from './report-finalizer.service';
import { ReportLedgers } from './report-ledgers.store';
import { ReportProgressPublisher } from './report-progress.publisher';
import { ReportTransitions } from './report-transitions.service';
import { ResultsBacklog } from './results-backlog.service';
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
        {
          provide: ReportDeadlines,
          useFactory: (store: StateStore) => new ReportDeadlines(store),
          inject: [STATE_STORE],
        },
        KnownReports,
        ReportTransitions,
        ReportLedgers,
        PatternChunks,
        ReportProgressPublisher,
        ReportFinalizer,
        PatternsPhaseService,
        SessionsPhaseService,
        ResultsBacklog,
        DeadlineSweeper,
      ],
    };
  }
}
