import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { PatternJob, patternJobSchema, patternJobsTopic, patternResultsTopic } from '@sift/contracts';
import { ConsumeTopic, OnRejected, RejectedMessage, TypedPublisher } from '@sift/messaging';
import { PatternExtractionService } from './pattern-extraction.service';

@Controller()
export class PatternJobsConsumer {
  constructor(
    private readonly extraction: PatternExtractionService,
    private readonly publisher: TypedPublisher,
  ) {}

  @ConsumeTopic(patternJobsTopic)
  async handle(@Payload() job: PatternJob): Promise<void> {
    await this.publisher.publish(patternResultsTopic, job.reportId, await this.extraction.execute(job));
  }

  /** A chunk that cannot succeed is reported as failed, so the aggregator can apply its threshold. */
  @OnRejected(patternJobsTopic)
  async rejected(@Payload() rejection: RejectedMessage): Promise<void> {
    const job = patternJobSchema.safeParse(rejection.value);
    if (!job.success) return;
    const { reportId, stage, chunkId } = job.data;
    await this.publisher.publish(patternResultsTopic, reportId, {
      reportId,
      stage,
      chunkId,
      status: 'failed',
      reason: rejection.reason,
    });
  }
}
