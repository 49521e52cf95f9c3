import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { clipsTopic, momentsTopic, SessionMoments } from '@sift/contracts';
import { ConsumeTopic, TypedPublisher } from '@sift/messaging';
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
}
