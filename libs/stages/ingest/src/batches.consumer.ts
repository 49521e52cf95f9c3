import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { BatchManifest, batchesTopic } from '@sift/contracts';
import { ConsumeTopic, OnRejected, RejectedMessage, SiftMessageContext } from '@sift/messaging';
import { BatchIngestService } from './batch-ingest.service';

@Controller()
export class BatchesConsumer {
  constructor(private readonly ingest: BatchIngestService) {}

  @ConsumeTopic(batchesTopic)
  async handle(@Payload() batch: BatchManifest, @Ctx() context: SiftMessageContext): Promise<void> {
    await this.ingest.execute(batch, context.signal);
  }

  /** A malformed batch is answered with a failed report naming the reason (and lands in the DLQ). */
  @OnRejected(batchesTopic)
  async rejected(@Payload() rejection: RejectedMessage): Promise<void> {
    await this.ingest.answerRejected(rejection);
  }
}
