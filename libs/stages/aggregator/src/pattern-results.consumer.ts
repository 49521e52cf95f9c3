import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { PatternResult, patternResultsTopic } from '@sift/contracts';
import { ConsumeTopic } from '@sift/messaging';
import { PatternsPhaseService } from './patterns-phase.service';

@Controller()
export class PatternResultsConsumer {
  constructor(private readonly patterns: PatternsPhaseService) {}

  @ConsumeTopic(patternResultsTopic)
  async handle(@Payload() result: PatternResult): Promise<void> {
    await this.patterns.record(result);
  }
}
