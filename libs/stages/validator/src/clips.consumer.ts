import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { clipsTopic, SessionClips, sessionResultsTopic } from '@sift/contracts';
import { ConsumeTopic, TypedPublisher } from '@sift/messaging';
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
}
