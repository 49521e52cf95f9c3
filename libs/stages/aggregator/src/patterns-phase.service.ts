import { Inject, Injectable, Logger } from '@nestjs/common';
import { PatternResult, patternJobsTopic } from '@sift/contracts';
import { TypedPublisher } from '@sift/messaging';
import { SiftError } from '@sift/errors';
import { PatternChunkOutput, ReportMeta } from '@sift/reports';
import { AGGREGATOR_CONFIG, AggregatorConfig } from './aggregator.config';
import { PatternPlan, SessionRecord } from './aggregator-state.schema';
import { KnownReports } from './known-reports.service';
import { PatternChunks } from './pattern-chunks.store';
import { chunkSummaries, mergeChunkPatterns } from './pattern-stage.util';
import { ReportFinalizer } from './report-finalizer.service';
import { ReportLocks } from './report-locks.service';
import { ReportProgressPublisher } from './report-progress.publisher';
import { ReportTransitions } from './report-transitions.store';
import { chunksFailureReason } from './session-verdict.util';

/** Pattern extraction of a report: plans the chunks, counts their results, applies the chunk threshold. */
@Injectable()
export class PatternsPhaseService {
  private readonly logger = new Logger(PatternsPhaseService.name);

  constructor(
    @Inject(AGGREGATOR_CONFIG) private readonly config: AggregatorConfig,
    private readonly reports: KnownReports,
    private readonly locks: ReportLocks,
    private readonly transitions: ReportTransitions,
    private readonly chunks: PatternChunks,
    private readonly publisher: TypedPublisher,
    private readonly progress: ReportProgressPublisher,
    private readonly finalizer: ReportFinalizer,
  ) {}

  /** Plans the extract stage over the summarized sessions and sends one job per chunk. */
  async start(meta: ReportMeta, sessions: readonly SessionRecord[]): Promise<void> {
    const { reportId } = meta;
    const summarized = sessions.flatMap(({ sessionId, outcome }) =>
      outcome.status === 'succeeded' && outcome.summaryRef
        ? [{ sessionId, summaryRef: outcome.summaryRef }]
        : [],
    );
    const plan = await this.chunks.plan(reportId, 'extract', chunkSummaries(summarized));
    const chunkCount = plan.chunks.length;
    await this.publisher.publishAll(
      patternJobsTopic,
      plan.chunks.map(({ chunkId, inputRef }, chunkIndex) => ({
        key: reportId,
        value: { reportId, stage: plan.stage, chunkId, chunkIndex, chunkCount, inputRef },
      })),
    );
    // The report goes back on the deadline index: chunks that never answer must not hold it open forever.
    await this.reports.rearm(reportId, Date.now() + this.config.PATTERN_STAGE_TIMEOUT_MS);
    await this.progress.publish(reportId, 'extracting-patterns', {
      expected: chunkCount,
      succeeded: 0,
      failed: 0,
    });
  }

  /** At the pattern deadline: chunks that never answered count as failed, then the threshold decides. */
  closeOverdue(reportId: string): Promise<void> {
    return this.locks.run(reportId, async () => {
      const report = await this.reports.find(reportId);
      const plan = report && (await this.chunks.loadPlan(reportId, 'extract'));
      if (report && plan) await this.close(report.meta, plan);
    });
  }

  /** Records one chunk's result and finishes the report once every planned chunk reported. */
  record(result: PatternResult): Promise<void> {
    const { reportId, stage, chunkId } = result;
    return this.locks.run(reportId, async () => {
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
      const phase = await this.transitions.state(reportId, 'patterns-closed');
      if (phase === 'done') {
        this.logger.debug(`late ${stage} result for chunk ${chunkId} of report ${reportId}: ignored`);
        return;
      }
      if (phase === 'open') {
        const counts = await this.chunks.record(result);
        const { succeeded, failed } = counts;
        await this.progress.publish(reportId, 'extracting-patterns', {
          expected: plan.chunks.length,
          succeeded,
          failed,
        });
        if (counts.done < plan.chunks.length) return;
      }
      await this.close(meta, plan);
    });
  }

  private async close(meta: ReportMeta, plan: PatternPlan): Promise<void> {
    const { reportId } = meta;
    if ((await this.transitions.begin(reportId, 'patterns-closed')) === 'done') return;
    const results = await this.chunks.results(reportId, plan);
    const outputs = await Promise.all(results.map((result) => this.chunks.output(result)));
    const failures = outputs.flatMap((output) => (output.ok ? [] : [output.reason]));
    const usable = outputs.flatMap((output): PatternChunkOutput[] => (output.ok ? [output.output] : []));
    const usages = results.flatMap((result) => (result.usage ? [result.usage] : []));
    const failureReason = chunksFailureReason(
      failures,
      plan.chunks.length,
      this.config.PATTERN_CHUNK_SUCCESS_THRESHOLD,
    );
    await this.finalizer.finalize(
      meta,
      failureReason === undefined
        ? { status: 'completed', patterns: mergeChunkPatterns(usable) }
        : { status: 'failed', failureReason },
      usages,
    );
    await this.transitions.complete(reportId, 'patterns-closed');
  }
}
