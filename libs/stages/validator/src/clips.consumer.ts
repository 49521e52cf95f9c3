import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { clipsTopic, SessionClips, sessionClipsSchema, sessionResultsTopic } from '@sift/contracts';
import { ConsumeTopic, OnRejected, RejectedMessage, TypedPublisher } from '@sift/messaging';
import { ClipValidationService } from './clip-validation.service';

@Controller()
export class ClipsConsumer {
  constructor(
    private readonly validation: ClipValidationService,
    private readonly publisher: TypedPublisher,
  ) {}

  @ConsumeTopic(clipsTopic)
  async handle(@Payload() clips: SessionClips): Promise<void> {
    const result = await this.validation.validate(clips);
    await this.publisher.publish(sessionResultsTopic, clips.reportId, result);
  }

  /** A session whose validation cannot finish still gets its one result, so the report's counts close. */
  @OnRejected(clipsTopic)
  async rejected(@Payload() rejection: RejectedMessage): Promise<void> {
    const clips = sessionClipsSchema.safeParse(rejection.value);
    if (!clips.success) return;
    const { reportId, sessionId } = clips.data;
    await this.publisher.publish(sessionResultsTopic, reportId, {
      reportId,
      sessionId,
      status: 'failed',
      reason: `video validation failed: ${rejection.reason}`,
    });
  }
}
