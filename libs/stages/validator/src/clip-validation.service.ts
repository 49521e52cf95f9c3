import { Inject, Injectable } from '@nestjs/common';
import { ClippedMoment, SessionClips, SessionResultInput, SessionSummary } from '@sift/contracts';
import { SummaryStore } from '@sift/reports';
import { STATE_STORE } from '@sift/service-kit';
import { StateStore } from '@sift/state';

/**
 * Records what video validation concluded for each flagged moment in the session's summary. A moment
 * without a clip keeps its flag, marked `skipped` with the renderer's reason.
 */
@Injectable()
export class ClipValidationService {
  private readonly summaries: SummaryStore;

  constructor(@Inject(STATE_STORE) store: StateStore) {
    this.summaries = new SummaryStore(store);
  }

  async validate(clips: SessionClips): Promise<SessionResultInput> {
    const summary = await this.summaries.load(clips.summaryRef);
    await this.summaries.save(clips.summaryRef, withValidations(summary, clips.moments));
    return {
      reportId: clips.reportId,
      sessionId: clips.sessionId,
      status: 'succeeded',
      summaryRef: clips.summaryRef,
    };
  }
}

function withValidations(summary: SessionSummary, moments: readonly ClippedMoment[]): SessionSummary {
  const byEventId = new Map(moments.map((moment) => [moment.eventId, moment]));
  return {
    ...summary,
    keyActions: summary.keyActions.map((group) => ({
      ...group,
      events: group.events.map((action) => {
        const moment = byEventId.get(action.eventId);
        if (!moment) return action;
        const reason = moment.renderError ?? 'no multimodal model configured to judge the clip';
        return { ...action, validation: { status: 'skipped' as const, reason } };
      }),
    })),
  };
}
