import { Inject, Injectable } from '@nestjs/common';
import { BatchManifest, SessionJobInput, SessionResultInput } from '@sift/contracts';
import { errorMessage, isRetriable } from '@sift/errors';
import { REPORT_STATE_TTL_SECONDS, reportKeys } from '@sift/reports';
import { STATE_STORE } from '@sift/service-kit';
import { normalizeSession, resolvePayload } from '@sift/sessions';
import { StateStore } from '@sift/state';

type BatchSession = BatchManifest['sessions'][number];

/** What became of one session at intake: a job for the summarizer, or a result saying why it was skipped. */
export type SessionIntake =
  | { readonly kind: 'job'; readonly job: SessionJobInput }
  | { readonly kind: 'skipped'; readonly result: SessionResultInput };

/** Loads one session's payloads, normalizes them and stores them (gzip) for the later stages. */
@Injectable()
export class SessionIntakeService {
  constructor(@Inject(STATE_STORE) private readonly store: StateStore) {}

  async take(batch: BatchManifest, session: BatchSession): Promise<SessionIntake> {
    const { reportId } = batch;
    const { sessionId } = session;
    const skipped = (reason: string): SessionIntake => ({
      kind: 'skipped',
      result: { reportId, sessionId, status: 'skipped', reason },
    });
    let events: unknown;
    let recording: unknown;
    try {
      events = await resolvePayload(session.events, this.store);
      recording =
        session.recording === undefined ? undefined : await resolvePayload(session.recording, this.store);
    } catch (error) {
      if (isRetriable(error)) throw error;
      return skipped(`could not load the session: ${errorMessage(error)}`);
    }
    const normalized = normalizeSession({ sessionId, events, recording });
    if (!normalized.ok) return skipped(normalized.reason);

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
}
