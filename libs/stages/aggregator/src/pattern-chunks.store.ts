import { Inject, Injectable, Logger } from '@nestjs/common';
import { PatternResult, patternResultSchema, PatternStage } from '@sift/contracts';
import { errorMessage, isRetriable } from '@sift/errors';
import {
  PatternChunkInput,
  patternChunkInputSchema,
  PatternChunkOutput,
  patternChunkOutputSchema,
  REPORT_STATE_TTL_SECONDS,
  reportKeys,
} from '@sift/reports';
import { STATE_STORE } from '@sift/service-kit';
import { StateStore } from '@sift/state';
import { PatternPlan, patternPlanSchema, PhaseCounts } from './aggregator-state.schema';

const TTL = { ttlSeconds: REPORT_STATE_TTL_SECONDS };

/** A chunk's output, or why it cannot be used. */
export type ChunkOutput =
  | { readonly ok: true; readonly output: PatternChunkOutput }
  | { readonly ok: false; readonly reason: string };

/** The chunk plan of each pattern stage, the chunk inputs, and the results recorded per chunk. */
@Injectable()
export class PatternChunks {
  private readonly logger = new Logger(PatternChunks.name);

  constructor(@Inject(STATE_STORE) private readonly store: StateStore) {}

  /** Stores the inputs and the plan; a plan stored before (by an interrupted run) is kept as it was. */
  async plan(
    reportId: string,
    stage: PatternStage,
    inputs: readonly PatternChunkInput[],
  ): Promise<PatternPlan> {
    const existing = await this.loadPlan(reportId, stage);
    if (existing) return existing;
    const chunks = await Promise.all(
      inputs.map(async (input, chunkIndex) => {
        const inputRef = reportKeys.patternChunkInput(reportId, stage, chunkIndex);
        await this.store.setJson(inputRef, patternChunkInputSchema.parse(input), TTL);
        return { chunkId: `${stage}-${chunkIndex}`, inputRef };
      }),
    );
    const plan = patternPlanSchema.parse({ stage, chunks });
    await this.store.setJson(reportKeys.patternPlan(reportId, stage), plan, TTL);
    return plan;
  }

  loadPlan(reportId: string, stage: PatternStage): Promise<PatternPlan | null> {
    return this.store.getJson(reportKeys.patternPlan(reportId, stage), patternPlanSchema);
  }

  /** Records a chunk's result; the first result of a chunk wins over later, different ones. */
  async record(result: PatternResult): Promise<PhaseCounts> {
    const { reportId, stage, chunkId } = result;
    const key = reportKeys.patternChunkResult(reportId, stage, chunkId);
    const existing = await this.store.getJson(key, patternResultSchema);
    if (existing && existing.status !== result.status) {
      this.logger.warn(
        `chunk ${chunkId} of report ${reportId} already ${existing.status}; ignoring "${result.status}"`,
      );
    }
    const kept = existing ?? result;
    await this.store.setJson(key, kept, TTL);
    await this.store.addToSet(reportKeys.patternChunksWith(reportId, stage, kept.status), chunkId, TTL);
    await this.store.addToSet(reportKeys.patternChunksWith(reportId, stage, 'done'), chunkId, TTL);
    const size = (status: 'done' | 'succeeded' | 'failed') =>
      this.store.setSize(reportKeys.patternChunksWith(reportId, stage, status));
    const [done, succeeded, failed] = await Promise.all([size('done'), size('succeeded'), size('failed')]);
    return { done, succeeded, failed };
  }

  /** The recorded result of every planned chunk, in plan order. */
  results(reportId: string, plan: PatternPlan): Promise<PatternResult[]> {
    return Promise.all(
      plan.chunks.map(async ({ chunkId }): Promise<PatternResult> => {
        const key = reportKeys.patternChunkResult(reportId, plan.stage, chunkId);
        const result = await this.store.getJson(key, patternResultSchema);
        return (
          result ?? { reportId, stage: plan.stage, chunkId, status: 'failed', reason: 'no result recorded' }
        );
      }),
    );
  }

  /** Loads a succeeded chunk's output; a missing or malformed one counts as a failed chunk. */
  async output(result: PatternResult): Promise<ChunkOutput> {
    if (result.status === 'failed') return { ok: false, reason: result.reason };
    try {
      const output = await this.store.getJson(result.outputRef, patternChunkOutputSchema);
      return output ? { ok: true, output } : { ok: false, reason: `no chunk output at ${result.outputRef}` };
    } catch (error) {
      if (isRetriable(error)) throw error;
      return { ok: false, reason: `chunk output at ${result.outputRef} is unusable: ${errorMessage(error)}` };
    }
  }
}
