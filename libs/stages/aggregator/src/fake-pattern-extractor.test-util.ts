import { PatternJob, PatternResultInput, patternResultsTopic } from '@sift/contracts';
import { TypedPublisher } from '@sift/messaging';
import { PatternChunkOutput, patternChunkInputSchema, reportKeys } from '@sift/reports';
import { StateStore } from '@sift/state';

export interface FakeExtractorOptions {
  /** `one-pattern` (default): a pattern about the chunk's first session; `fail`: a failed chunk; `never`: no answer. */
  readonly answer?: 'one-pattern' | 'fail' | 'never';
  /** How often each result is published (2 = a redelivered result). */
  readonly resultCopies?: number;
}

/** Plays the pattern-extractor stage: stores a chunk output and answers each job. */
export class FakePatternExtractor {
  readonly jobs: PatternJob[] = [];

  constructor(
    private readonly store: StateStore,
    private readonly publisher: TypedPublisher,
    private readonly options: FakeExtractorOptions = {},
  ) {}

  readonly handle = async (job: PatternJob): Promise<void> => {
    this.jobs.push(job);
    if (this.options.answer === 'never') return;
    const result: PatternResultInput =
      this.options.answer === 'fail'
        ? { ...chunkOf(job), status: 'failed', reason: 'model output is not valid YAML' }
        : { ...chunkOf(job), status: 'succeeded', outputRef: await this.storeOutput(job) };
    for (let copy = 0; copy < (this.options.resultCopies ?? 1); copy += 1) {
      await this.publisher.publish(patternResultsTopic, job.reportId, result);
    }
  };

  private async storeOutput(job: PatternJob): Promise<string> {
    const input = await this.store.getJson(job.inputRef, patternChunkInputSchema);
    const first = input?.summaries[0]?.sessionId;
    const ratio = 1 / Math.max(1, input?.summarizedSessions ?? 1);
    const output: PatternChunkOutput = {
      patterns: first
        ? [
            {
              id: 'promo-code-button-unresponsive',
              name: 'Promo code button does nothing',
              description: 'Users rage-click the disabled "Apply code" button.',
              severity: 'medium',
              indicators: ['rage click on "Apply code"'],
              stats: {
                sessionsAffected: 1,
                sessionsAffectedRatio: ratio,
                occurrences: 1,
                segmentsSuccessRatio: 1,
              },
              sessionIds: [first],
              examples: [],
            },
          ]
        : [],
    };
    const outputRef = reportKeys.patternChunkOutput(job.reportId, job.stage, job.chunkIndex);
    await this.store.setJson(outputRef, output);
    return outputRef;
  }
}

function chunkOf(job: PatternJob) {
  return { reportId: job.reportId, stage: job.stage, chunkId: job.chunkId };
}
