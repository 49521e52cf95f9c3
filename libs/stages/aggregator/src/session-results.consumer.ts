import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SessionResult, sessionResultsTopic } from '@sift/contracts';
import { ConsumeTopic } from '@sift/messaging';
import { SessionsPhaseService } from './sessions-phase.service';

@Controller()
export class SessionResultsConsumer {
  constructor(private readonly sessions: SessionsPhaseService) {}

  @ConsumeTopic(sessionResultsTopic)
  async handle(@Payload() result: SessionResult): Promise<void> {
    await this.sessions.record(result);
  }
}
