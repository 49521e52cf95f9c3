import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { BatchManifest, batchesTopic } from '@sift/contracts';
import { ConsumeTopic, OnRejected, RejectedMessage } from '@sift/messaging';
import { BatchIngestService } from './batch-ingest.service';

@Controller()
export class BatchesConsumer {
  constructor(private readonly ingest: BatchIngestService) {}

  @ConsumeTopic(batchesTopic)
  async handle(@Payload() batch: BatchManifest): Promise<void> {
    await this.ingest.execute(batch);
  }

  /** A malformed batch is answered with a failed report naming the reason (and lands in the DLQ). */
  @OnRejected(batchesTopic)
  async rejected(@Payload() rejection: RejectedMessage): Promise<void> {
    await this.ingest.answerRejected(rejection);
  }
}
