import { Inject, Injectable } from '@nestjs/common';
import { BatchManifest } from '@sift/contracts';
import { errorMessage, isRetriable } from '@sift/errors';
import { REPORT_STATE_TTL_SECONDS, reportKeys } from '@sift/reports';
import { STATE_STORE } from '@sift/service-kit';
import { normalizeSession, PayloadError, resolvePayload } from '@sift/sessions';
import { StateStore } from '@sift/state';
import { ExponentialBackoff, handleWhen, retry, RetryPolicy } from 'cockatiel';
import { INGEST_CONFIG, IngestConfig } from './ingest.config';
import { SessionIntake } from './intake-checkpoint.store';
import { sessionSourcePolicy } from './session-sources.util';

type BatchSession = BatchManifest['sessions'][number];

// Refused by policy, over a limit, or still unreachable after retries: Sift could not take the session.
// Anything else (missing, not JSON, empty, too short) means there was nothing usable to analyze.
const FAILS_THE_SESSION = new Set(['PAYLOAD_SOURCE_REFUSED', 'PAYLOAD_TOO_LARGE', 'PAYLOAD_TIMEOUT']);

/** Loads one session's payloads, normalizes them and stores them (gzip) for the later stages. */
@Injectable()
export class SessionIntakeService {
  private readonly loading: RetryPolicy;

  constructor(
    @Inject(STATE_STORE) private readonly store: StateStore,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
  ) {
    this.loading = retry(handleWhen(isRetriable), {
      maxAttempts: config.INGEST_SESSION_ATTEMPTS - 1,
      backoff: new ExponentialBackoff({ initialDelay: 500, maxDelay: 5_000 }),
    });
  }

  async take(batch: BatchManifest, session: BatchSession, signal: AbortSignal): Promise<SessionIntake> {
    const { reportId } = batch;
    const { sessionId } = session;
    const answer = (status: 'skipped' | 'failed', reason: string): SessionIntake => ({
      kind: 'result',
      result: { reportId, sessionId, status, reason },
    });
    let payloads: { events: unknown; recording: unknown };
    try {
      payloads = await this.loading.execute(() => this.load(reportId, session, signal), signal);
    } catch (error) {
      // Our own store being down is not the session's fault: the batch is delivered again instead.
      if (signal.aborted || !(error instanceof PayloadError) || error.code === 'PAYLOAD_STORE') throw error;
      const failed = FAILS_THE_SESSION.has(error.code) || error.retriable;
      const tries = error.retriable ? ` (gave up after ${this.config.INGEST_SESSION_ATTEMPTS} attempts)` : '';
      return answer(
        failed ? 'failed' : 'skipped',
        `could not load the session: ${errorMessage(error)}${tries}`,
      );
    }
    const normalized = normalizeSession({ sessionId, ...payloads });
    if (!normalized.ok) return answer('skipped', normalized.reason);

    const { session: clean } = normalized;
    const ttl = { ttlSeconds: REPORT_STATE_TTL_SECONDS };
    const eventsRef = reportKeys.sessionEvents(reportId, sessionId);
    await this.store.setJson(eventsRef, clean.events, ttl);
    let recordingRef: string | undefined;
    if (clean.recording) {
      recordingRef = reportKeys.sessionRecording(reportId, sessionId);
      await this.store.setJson(recordingRef, clean.recording, ttl);
    }
    return {
      kind: 'job',
      job: {
        reportId,
        sessionId,
        eventsRef,
        ...(recordingRef ? { recordingRef } : {}),
        contentHash: clean.contentHash,
        ...(batch.question ? { question: batch.question } : {}),
        ...(batch.product ? { product: batch.product } : {}),
      },
    };
  }

  private async load(
    reportId: string,
    session: BatchSession,
    signal: AbortSignal,
  ): Promise<{ events: unknown; recording: unknown }> {
    signal.throwIfAborted();
    const policy = sessionSourcePolicy(this.config, reportId, session.sessionId);
    const events = await resolvePayload(session.events, this.store, policy);
    const recording =
      session.recording === undefined
        ? undefined
        : await resolvePayload(session.recording, this.store, policy);
    return { events, recording };
  }
}
