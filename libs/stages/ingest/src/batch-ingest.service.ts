import { Inject, Injectable } from '@nestjs/common';
import { bulkhead, BulkheadPolicy } from 'cockatiel';
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
import { IntakeCheckpoints, SessionIntake } from './intake-checkpoint.store';
import { rejectedBatchReport } from './rejected-batch-report.util';
import { SessionIntakeService } from './session-intake.service';

type BatchSession = BatchManifest['sessions'][number];

/**
 * Registers the report with the aggregator (expected sessions, deadline) before anything fans out, then
 * turns every session into a summarizer job or a result saying why it has none. Each session is
 * checkpointed, so a batch delivered again resumes where it stopped; all sessions of a batch share this
 * replica's intake slots, and the handler returns only when none of its sessions is still at work.
 */
@Injectable()
export class BatchIngestService {
  private readonly registry: ReportRegistry;
  private readonly slots: BulkheadPolicy;

  constructor(
    @Inject(STATE_STORE) private readonly store: StateStore,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    private readonly intake: SessionIntakeService,
    private readonly checkpoints: IntakeCheckpoints,
    private readonly publisher: TypedPublisher,
  ) {
    this.registry = new ReportRegistry(store);
    this.slots = bulkhead(config.INGEST_CONCURRENCY, Number.MAX_SAFE_INTEGER);
  }

  async execute(batch: BatchManifest, signal: AbortSignal): Promise<void> {
    const { reportId } = batch;
    if (await this.registry.find(reportId)) {
      // The same batch again (redelivery, or a re-run under the same id): a finished report is answered
      // as it stands; an unfinished one carries on where it is.
      if (await this.announceFinished(reportId)) return;
    } else {
      await this.registry.register(this.reportMeta(batch));
    }
    await this.publisher.publish(reportProgressTopic, reportId, {
      reportId,
      stage: 'ingesting',
      counts: { expected: batch.sessions.length, succeeded: 0, failed: 0 },
      at: new Date().toISOString(),
    });
    const outcomes = await Promise.allSettled(
      batch.sessions.map((session) =>
        this.slots.execute(() => {
          signal.throwIfAborted();
          return this.ingestSession(batch, session, signal);
        }),
      ),
    );
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    // Sessions that made it are checkpointed; the redelivered batch does only the rest.
    if (failure) throw failure.reason;
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

  private async ingestSession(
    batch: BatchManifest,
    session: BatchSession,
    signal: AbortSignal,
  ): Promise<void> {
    const { reportId } = batch;
    const { sessionId } = session;
    const checkpoint = await this.checkpoints.find(reportId, sessionId);
    if (checkpoint?.sent) return;
    const intake = checkpoint?.intake ?? (await this.intake.take(batch, session, signal));
    if (!checkpoint) await this.checkpoints.save(reportId, sessionId, { intake, sent: false });
    signal.throwIfAborted();
    await this.send(intake);
    await this.checkpoints.save(reportId, sessionId, { intake, sent: true });
  }

  private async send(intake: SessionIntake): Promise<void> {
    if (intake.kind === 'job')
      await this.publisher.publish(sessionJobsTopic, intake.job.sessionId, intake.job);
    else await this.publisher.publish(sessionResultsTopic, intake.result.reportId, intake.result);
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
