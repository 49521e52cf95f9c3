import { Inject, Injectable } from '@nestjs/common';
import { PatternJob, PatternResultInput } from '@sift/contracts';
import { SiftError } from '@sift/errors';
import { groupPatterns } from '@sift/patterns';
import {
  patternChunkInputSchema,
  PatternChunkOutput,
  REPORT_STATE_TTL_SECONDS,
  reportKeys,
  SummaryStore,
} from '@sift/reports';
import { STATE_STORE } from '@sift/service-kit';
import { StateStore } from '@sift/state';

/** Finds the recurring problems in one chunk of session summaries and stores them for the aggregator. */
@Injectable()
export class PatternExtractionService {
  private readonly summaries: SummaryStore;

  constructor(@Inject(STATE_STORE) private readonly store: StateStore) {
    this.summaries = new SummaryStore(store);
  }

  async execute(job: PatternJob): Promise<PatternResultInput> {
    if (job.stage !== 'extract') {
      throw SiftError.fatal('UNSUPPORTED_PATTERN_STAGE', `pattern stage "${job.stage}" is not supported yet`);
    }
    const input = await this.store.getJson(job.inputRef, patternChunkInputSchema);
    if (!input) throw SiftError.fatal('PATTERN_INPUT_MISSING', `no pattern chunk input at ${job.inputRef}`);
    const summaries = await Promise.all(
      input.summaries.map(({ summaryRef }) => this.summaries.load(summaryRef)),
    );
    const output: PatternChunkOutput = {
      patterns: groupPatterns({ summaries, summarizedSessions: input.summarizedSessions }),
    };
    const outputRef = reportKeys.patternChunkOutput(job.reportId, job.stage, job.chunkIndex);
    await this.store.setJson(outputRef, output, { ttlSeconds: REPORT_STATE_TTL_SECONDS });
    return { reportId: job.reportId, stage: job.stage, chunkId: job.chunkId, status: 'succeeded', outputRef };
  }
}
