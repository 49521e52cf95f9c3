import { Inject, Injectable, Logger } from '@nestjs/common';
import { PatternResult, patternJobsTopic } from '@sift/contracts';
import { SiftError } from '@sift/errors';
import { TypedPublisher } from '@sift/messaging';
import {
  PatternChunkOutput,
  REPORT_STATE_TTL_SECONDS,
  ReportDeadlines,
  ReportMeta,
  reportKeys,
} from '@sift/reports';
import { STATE_STORE } from '@sift/service-kit';
import { StateStore } from '@sift/state';
import { AGGREGATOR_CONFIG, AggregatorConfig } from './aggregator.config';
import { PatternPlan, SessionRecord } from './aggregator-state.schema';
import { KnownReports } from './known-reports.service';
import { PatternChunks } from './pattern-chunks.store';
import { chunkSummaries, mergeChunkPatterns } from './pattern-stage.util';
import { ReportFinalizer } from './report-finalizer.service';
import { ReportLedgers } from './report-ledgers.store';
import { ReportProgressPublisher } from './report-progress.publisher';
import { ReportTransitions, TransitionRun, WhenHeld } from './report-transitions.service';
import { chunksFailureReason } from './session-verdict.util';

/** Pattern extraction of a report: plans the chunks, counts their results, applies the chunk threshold. */
@Injectable()
export class PatternsPhaseService {
  private readonly logger = new Logger(PatternsPhaseService.name);

  constructor(
    @Inject(AGGREGATOR_CONFIG) private readonly config: AggregatorConfig,
    @Inject(STATE_STORE) private readonly store: StateStore,
    private readonly deadlines: ReportDeadlines,
    private readonly reports: KnownReports,
    private readonly transitions: ReportTransitions,
    private readonly ledgers: ReportLedgers,
    private readonly chunks: PatternChunks,
    private readonly publisher: TypedPublisher,
    private readonly progress: ReportProgressPublisher,
    private readonly finalizer: ReportFinalizer,
  ) {}

  /** Plans the extract stage over the summarized sessions and sends one job per chunk (within a transition). */
  async start(meta: ReportMeta, sessions: readonly SessionRecord[], signal: AbortSignal): Promise<void> {
    const { reportId } = meta;
    const summarized = sessions.flatMap(({ sessionId, outcome }) =>
      outcome.status === 'succeeded' && outcome.summaryRef
        ? [{ sessionId, summaryRef: outcome.summaryRef }]
        : [],
    );
    const plan = await this.chunks.plan(reportId, 'extract', chunkSummaries(summarized));
    const chunkCount = plan.chunks.length;
    const sent = reportKeys.patternJobsSent(reportId, plan.stage);
    // Sent before, by a run of the transition that failed later: nothing to send or arm again. Nor once
    // the stage closed (the run that sent the jobs died before marking them, and the report went on).
    if ((await this.store.get(sent)) !== null || (await this.stageClosed(reportId, plan.stage))) return;
    // Armed before the jobs leave: chunks that never answer must not hold the report open forever.
    await this.deadlines.arm(reportId, 'extract', Date.now() + this.config.PATTERN_STAGE_TIMEOUT_MS);
    signal.throwIfAborted();
    await this.publisher.publishAll(
      patternJobsTopic,
      plan.chunks.map(({ chunkId, inputRef }, chunkIndex) => ({
        key: reportId,
        value: { reportId, stage: plan.stage, chunkId, chunkIndex, chunkCount, inputRef },
      })),
    );
    await this.store.set(sent, new Date().toISOString(), { ttlSeconds: REPORT_STATE_TTL_SECONDS });
    await this.progress.publish(reportId, 'extracting-patterns', {
      expected: chunkCount,
      succeeded: 0,
      failed: 0,
    });
  }

  private async stageClosed(reportId: string, stage: PatternPlan['stage']): Promise<boolean> {
    const gate = await this.store.get(reportKeys.ledger(reportId, stage).gate);
    return gate?.toString() === 'closed';
  }

  /** Records one chunk's result and finishes the report once every planned chunk reported. */
  async record(result: PatternResult): Promise<void> {
    const { reportId, stage, chunkId } = result;
    const { meta } = await this.reports.require(reportId);
    const plan = await this.chunks.loadPlan(reportId, stage);
    if (!plan)
      throw SiftError.fatal('UNKNOWN_PATTERN_STAGE', `report "${reportId}" has no ${stage} stage planned`);
    if (!plan.chunks.some((chunk) => chunk.chunkId === chunkId)) {
      throw SiftError.fatal(
        'UNKNOWN_CHUNK',
        `chunk "${chunkId}" is not part of the ${stage} plan of "${reportId}"`,
      );
    }
    const { outcome, counts } = await this.ledgers.recordChunk(result);
    if (outcome === 'recorded') {
      const { succeeded, failed } = counts;
      await this.progress.publish(reportId, 'extracting-patterns', {
        expected: plan.chunks.length,
        succeeded,
        failed,
      });
    }
    if (outcome === 'closed')
      this.logger.debug(`late ${stage} result for chunk ${chunkId} of report ${reportId}`);
    else if (counts.done < plan.chunks.length) return;
    await this.close(meta, plan, 'retry-later');
  }

  /** At the pattern deadline: chunks that never answered count as failed, then the threshold decides. */
  async closeOverdue(reportId: string): Promise<TransitionRun> {
    const report = await this.reports.find(reportId);
    const plan = report && (await this.chunks.loadPlan(reportId, 'extract'));
    if (!report || !plan) return 'done';
    return this.close(report.meta, plan, 'skip');
  }

  private close(meta: ReportMeta, plan: PatternPlan, whenHeld: WhenHeld): Promise<TransitionRun> {
    const { reportId } = meta;
    return this.transitions.run(reportId, 'extract-closed', whenHeld, async (signal) => {
      const results = await this.ledgers.closeChunks(reportId, plan);
      const outputs = await Promise.all(results.map((result) => this.chunks.output(result)));
      const failures = outputs.flatMap((output) => (output.ok ? [] : [output.reason]));
      const usable = outputs.flatMap((output): PatternChunkOutput[] => (output.ok ? [output.output] : []));
      const usages = results.flatMap((result) => (result.usage ? [result.usage] : []));
      const threshold = this.config.PATTERN_CHUNK_SUCCESS_THRESHOLD;
      const failureReason = chunksFailureReason(failures, plan.chunks.length, threshold);
      signal.throwIfAborted();
      await this.finalizer.finalize(
        meta,
        failureReason === undefined
          ? { status: 'completed', patterns: mergeChunkPatterns(usable) }
          : { status: 'failed', failureReason },
        usages,
      );
      await this.deadlines.settle(reportId, 'extract');
    });
  }
}
