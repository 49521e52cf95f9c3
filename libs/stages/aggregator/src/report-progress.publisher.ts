import { Injectable, Logger } from '@nestjs/common';
import { ReportStage, reportProgressTopic, StageCounts } from '@sift/contracts';
import { TypedPublisher } from '@sift/messaging';
import { errorMessage } from '@sift/errors';

/** Progress ticks for UIs and the CLI. Sent after the state they describe is stored, and never fatal. */
@Injectable()
export class ReportProgressPublisher {
  private readonly logger = new Logger(ReportProgressPublisher.name);

  constructor(private readonly publisher: TypedPublisher) {}

  async publish(reportId: string, stage: ReportStage, counts: StageCounts): Promise<void> {
    try {
      await this.publisher.publish(reportProgressTopic, reportId, {
        reportId,
        stage,
        counts,
        at: new Date().toISOString(),
      });
    } catch (error) {
      this.logger.warn(`progress of report ${reportId} (${stage}) not published: ${errorMessage(error)}`);
    }
  }
}
