import { Inject, Injectable } from '@nestjs/common';
import { bulkhead } from 'cockatiel';
import { BatchManifest, reportProgressTopic, sessionJobsTopic, sessionResultsTopic } from '@sift/contracts';
import { TypedPublisher } from '@sift/messaging';
import { ReportRegistry } from '@sift/reports';
import { STATE_STORE } from '@sift/service-kit';
import { StateStore } from '@sift/state';
import { INGEST_CONFIG, IngestConfig } from './ingest.config';
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
    @Inject(STATE_STORE) store: StateStore,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    private readonly intake: SessionIntakeService,
    private readonly publisher: TypedPublisher,
  ) {
    this.registry = new ReportRegistry(store);
  }

  async execute(batch: BatchManifest): Promise<void> {
    const { reportId } = batch;
    if (!(await this.registry.find(reportId))) {
      const now = Date.now();
      const deadlineSeconds = batch.deadlineSeconds ?? this.config.REPORT_DEADLINE_SECONDS;
      await this.registry.register({
        reportId,
        ...(batch.question ? { question: batch.question } : {}),
        ...(batch.product ? { product: batch.product } : {}),
        createdAt: new Date(now).toISOString(),
        deadlineAt: new Date(now + deadlineSeconds * 1000).toISOString(),
        sessionIds: batch.sessions.map((session) => session.sessionId),
      });
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
}
