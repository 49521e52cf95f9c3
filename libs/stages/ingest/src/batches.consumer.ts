import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { BatchManifest, batchesTopic, reportsTopic } from '@sift/contracts';
import { ConsumeTopic, OnRejected, RejectedMessage, TypedPublisher } from '@sift/messaging';
import { BatchIngestService } from './batch-ingest.service';
import { rejectedBatchReport } from './rejected-batch-report.util';

@Controller()
export class BatchesConsumer {
  constructor(
    private readonly ingest: BatchIngestService,
    private readonly publisher: TypedPublisher,
  ) {}

  @ConsumeTopic(batchesTopic)
  async handle(@Payload() batch: BatchManifest): Promise<void> {
    await this.ingest.execute(batch);
  }

  /** A malformed batch is answered with a failed report naming the reason (and lands in the DLQ). */
  @OnRejected(batchesTopic)
  async rejected(@Payload() rejection: RejectedMessage): Promise<void> {
    const report = rejectedBatchReport(rejection, new Date());
    if (report) await this.publisher.publish(reportsTopic, report.reportId, report);
  }
}
