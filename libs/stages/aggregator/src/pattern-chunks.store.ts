import { Inject, Injectable } from '@nestjs/common';
import { PatternResult, PatternStage } from '@sift/contracts';
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
import { PatternPlan, patternPlanSchema } from './aggregator-state.schema';

const TTL = { ttlSeconds: REPORT_STATE_TTL_SECONDS };

/** A chunk's output, or why it cannot be used. */
export type ChunkOutput =
  | { readonly ok: true; readonly output: PatternChunkOutput }
  | { readonly ok: false; readonly reason: string };

/** The chunk plan of each pattern stage, the chunk inputs, and the chunks' stored outputs. */
@Injectable()
export class PatternChunks {
  constructor(@Inject(STATE_STORE) private readonly store: StateStore) {}

  /**
   * Stores the inputs and the plan once: whoever plans a stage again (a resumed transition) gets the plan
   * stored first, so every job ever sent for the stage matches one plan.
   */
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
    const key = reportKeys.patternPlan(reportId, stage);
    await this.store.setJsonIfAbsent(key, patternPlanSchema.parse({ stage, chunks }), TTL);
    const stored = await this.loadPlan(reportId, stage);
    if (!stored)
      throw new Error(`the ${stage} plan of report ${reportId} vanished right after it was stored`);
    return stored;
  }

  loadPlan(reportId: string, stage: PatternStage): Promise<PatternPlan | null> {
    return this.store.getJson(reportKeys.patternPlan(reportId, stage), patternPlanSchema);
  }

  /** Loads a succeeded chunk's output; a missing or malformed one counts as a failed chunk. */
  async output(result: PatternResult): Promise<ChunkOutput> {
    if (result.status === 'failed') return { ok: false, reason: result.reason };
    try {
      const output = await this.store.getJson(result.outputRef, patternChunkOutputSchema);
      if (output) return { ok: true, output };
      return { ok: false, reason: `no chunk output at ${result.outputRef}` };
    } catch (error) {
      if (isRetriable(error)) throw error;
      return { ok: false, reason: `chunk output at ${result.outputRef} is unusable: ${errorMessage(error)}` };
    }
  }
}
