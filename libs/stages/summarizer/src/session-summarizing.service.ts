import { Inject, Injectable } from '@nestjs/common';
import { SessionJob, sessionEventsSchema, SessionMomentsInput, SessionResultInput } from '@sift/contracts';
import { analyzeSessionOffline } from '@sift/analysis';
import { SiftError } from '@sift/errors';
import { reportKeys, SummaryStore } from '@sift/reports';
import { STATE_STORE } from '@sift/service-kit';
import { StateStore } from '@sift/state';
import { flaggedMoments, withValidationSkipped } from './flagged-moments.util';
import { SUMMARIZER_CONFIG, SummarizerConfig } from './summarizer.config';

/** Where a summarized session goes next: video validation for its flagged moments, or straight to the aggregator. */
export type SummarizedSession =
  | { readonly next: 'validate'; readonly moments: SessionMomentsInput }
  | { readonly next: 'done'; readonly result: SessionResultInput };

@Injectable()
export class SessionSummarizingService {
  private readonly summaries: SummaryStore;

  constructor(
    @Inject(STATE_STORE) private readonly store: StateStore,
    @Inject(SUMMARIZER_CONFIG) private readonly config: SummarizerConfig,
  ) {
    this.summaries = new SummaryStore(store);
  }

  async execute(job: SessionJob): Promise<SummarizedSession> {
    const events = await this.store.getJson(job.eventsRef, sessionEventsSchema);
    if (!events) throw SiftError.fatal('SESSION_EVENTS_MISSING', `no session events at ${job.eventsRef}`);
    let summary = analyzeSessionOffline({ sessionId: job.sessionId, contentHash: job.contentHash, events });
    const summaryRef = reportKeys.summary(job.reportId, job.sessionId);
    const moments = flaggedMoments(summary, this.config.SUMMARIZER_VALIDATE_FLAGS);
    if (moments.length > 0 && job.recordingRef) {
      await this.summaries.save(summaryRef, summary);
      const { reportId, sessionId, recordingRef } = job;
      return { next: 'validate', moments: { reportId, sessionId, summaryRef, recordingRef, moments } };
    }
    if (moments.length > 0) {
      const eventIds = new Set(moments.map((moment) => moment.eventId));
      summary = withValidationSkipped(
        summary,
        eventIds,
        'the session has no recording to render a clip from',
      );
    }
    await this.summaries.save(summaryRef, summary);
    return {
      next: 'done',
      result: { reportId: job.reportId, sessionId: job.sessionId, status: 'succeeded', summaryRef },
    };
  }
}
