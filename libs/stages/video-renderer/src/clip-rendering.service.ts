import { Injectable } from '@nestjs/common';
import { SessionClipsInput, SessionMoments } from '@sift/contracts';

export const RENDERING_NOT_ENABLED = 'clip rendering not enabled yet';

/** Turns flagged moments into clips. Until replay rendering exists, every moment says so plainly. */
@Injectable()
export class ClipRenderingService {
  async render(moments: SessionMoments): Promise<SessionClipsInput> {
    return {
      reportId: moments.reportId,
      sessionId: moments.sessionId,
      summaryRef: moments.summaryRef,
      moments: moments.moments.map((moment) => ({ ...moment, renderError: RENDERING_NOT_ENABLED })),
    };
  }
}
