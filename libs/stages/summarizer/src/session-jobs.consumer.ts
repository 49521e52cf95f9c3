import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  momentsTopic,
  SessionJob,
  sessionJobSchema,
  sessionJobsTopic,
  sessionResultsTopic,
} from '@sift/contracts';
import { ConsumeTopic, OnRejected, RejectedMessage, TypedPublisher } from '@sift/messaging';
import { SessionSummarizingService } from './session-summarizing.service';

@Controller()
export class SessionJobsConsumer {
  constructor(
    private readonly summarizing: SessionSummarizingService,
    private readonly publisher: TypedPublisher,
  ) {}

  @ConsumeTopic(sessionJobsTopic)
  async handle(@Payload() job: SessionJob): Promise<void> {
    const outcome = await this.summarizing.execute(job);
    if (outcome.next === 'validate') {
      await this.publisher.publish(momentsTopic, job.sessionId, outcome.moments);
      return;
    }
    await this.publisher.publish(sessionResultsTopic, job.reportId, outcome.result);
  }

  /** A session that cannot be summarized still gets its one result, so the report's counts close. */
  @OnRejected(sessionJobsTopic)
  async rejected(@Payload() rejection: RejectedMessage): Promise<void> {
    const job = sessionJobSchema.safeParse(rejection.value);
    if (!job.success) return;
    const { reportId, sessionId } = job.data;
    await this.publisher.publish(sessionResultsTopic, reportId, {
      reportId,
      sessionId,
      status: 'failed',
      reason: `summarizing failed: ${rejection.reason}`,
    });
  }
}
