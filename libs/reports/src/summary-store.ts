import { SessionSummary, sessionSummarySchema } from '@sift/contracts';
import { SiftError } from '@sift/errors';
import { StateStore } from '@sift/state';
import { REPORT_STATE_TTL_SECONDS } from './report-keys.util';

/** Session summaries by store ref, validated on the way in and out. */
export class SummaryStore {
  constructor(private readonly store: StateStore) {}

  save(ref: string, summary: SessionSummary): Promise<void> {
    return this.store.setJson(ref, sessionSummarySchema.parse(summary), {
      ttlSeconds: REPORT_STATE_TTL_SECONDS,
    });
  }

  async load(ref: string): Promise<SessionSummary> {
    const summary = await this.store.getJson(ref, sessionSummarySchema);
    if (!summary) throw SiftError.fatal('SUMMARY_MISSING', `no session summary at ${ref}`);
    return summary;
  }
}
