import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  clipsTopic,
  momentsTopic,
  SessionMoments,
  sessionMomentsSchema,
  sessionResultsTopic,
} from '@sift/contracts';
import { ConsumeTopic, OnRejected, RejectedMessage, TypedPublisher } from '@sift/messaging';
import { ClipRenderingService } from './clip-rendering.service';

@Controller()
export class MomentsConsumer {
  constructor(
    private readonly rendering: ClipRenderingService,
    private readonly publisher: TypedPublisher,
  ) {}

  @ConsumeTopic(momentsTopic)
  async handle(@Payload() moments: SessionMoments): Promise<void> {
    const clips = await this.rendering.render(moments);
    await this.publisher.publish(clipsTopic, moments.sessionId, clips);
  }

  /** A session whose clips cannot be made still gets its one result, so the report's counts close. */
  @OnRejected(momentsTopic)
  async rejected(@Payload() rejection: RejectedMessage): Promise<void> {
    const moments = sessionMomentsSchema.safeParse(rejection.value);
    if (!moments.success) return;
    const { reportId, sessionId } = moments.data;
    await this.publisher.publish(sessionResultsTopic, reportId, {
      reportId,
      sessionId,
      status: 'failed',
      reason: `clip rendering failed: ${rejection.reason}`,
    });
  }
}
