import { Inject, Injectable } from '@nestjs/common';
import { bulkhead } from 'cockatiel';
import {
  BatchManifest,
  reportProgressTopic,
  reportsTopic,
  reportV1Schema,
  sessionJobsTopic,
  sessionResultsTopic,
} from '@sift/contracts';
import { RejectedMessage, TypedPublisher } from '@sift/messaging';
import { ReportMeta, ReportRegistry, reportKeys, reportMessageFor } from '@sift/reports';
import { STATE_STORE } from '@sift/service-kit';
import { StateStore } from '@sift/state';
import { INGEST_CONFIG, IngestConfig } from './ingest.config';
import { rejectedBatchReport } from './rejected-batch-report.util';
import { SessionIntakeService } from './session-intake.service';

/**
 * Registers the report with the aggregator (expected sessions, deadline) before anything fans out, then
 * turns every session into a summarizer job or a skipped result. Safe to run twice for one batch: keys
 * are deterministic and the aggregator counts each session once.
 */
@Injectable()
export class BatchIngestService {
  private readonly registry: ReportRegistry;

  constructor(
    @Inject(STATE_STORE) private readonly store: StateStore,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    private readonly intake: SessionIntakeService,
    private readonly publisher: TypedPublisher,
  ) {
    this.registry = new ReportRegistry(store);
  }

  async execute(batch: BatchManifest): Promise<void> {
    const { reportId } = batch;
    if (await this.registry.find(reportId)) {
      // The same batch again (redelivery, or a re-run under the same id): a finished report is answered
      // as it stands; an unfinished one carries on where it is.
      if (await this.announceFinished(reportId)) return;
    } else {
      await this.registry.register(this.reportMeta(batch));
    }
    const counts = { expected: batch.sessions.length, succeeded: 0, failed: 0 };
    await this.publisher.publish(reportProgressTopic, reportId, {
      reportId,
      stage: 'ingesting',
      counts,
      at: new Date().toISOString(),
    });
    const slots = bulkhead(this.config.INGEST_CONCURRENCY, Number.MAX_SAFE_INTEGER);
    await Promise.all(
      batch.sessions.map((session) =>
        slots.execute(async () => {
          const intake = await this.intake.take(batch, session);
          if (intake.kind === 'job')
            await this.publisher.publish(sessionJobsTopic, session.sessionId, intake.job);
          else await this.publisher.publish(sessionResultsTopic, reportId, intake.result);
        }),
      ),
    );
  }

  /**
   * The failed report owed for a batch that could not be taken in — unless the report was already
   * registered: then its sessions are under way and the aggregator's deadline answers for it.
   */
  async answerRejected(rejection: RejectedMessage): Promise<void> {
    const report = rejectedBatchReport(rejection, new Date());
    if (!report || (await this.registry.find(report.reportId))) return;
    await this.publisher.publish(reportsTopic, report.reportId, report);
  }

  private async announceFinished(reportId: string): Promise<boolean> {
    const report = await this.store.getJson(reportKeys.document(reportId), reportV1Schema);
    if (!report) return false;
    // Always by reference: ingest does not know the aggregator's inline limit, and the document is stored.
    await this.publisher.publish(reportsTopic, reportId, reportMessageFor(report, 0));
    return true;
  }

  private reportMeta(batch: BatchManifest): ReportMeta {
    const now = Date.now();
    const deadlineSeconds = batch.deadlineSeconds ?? this.config.REPORT_DEADLINE_SECONDS;
    return {
      reportId: batch.reportId,
      ...(batch.question ? { question: batch.question } : {}),
      ...(batch.product ? { product: batch.product } : {}),
      createdAt: new Date(now).toISOString(),
      deadlineAt: new Date(now + deadlineSeconds * 1000).toISOString(),
      sessionIds: batch.sessions.map((session) => session.sessionId),
    };
  }
}
