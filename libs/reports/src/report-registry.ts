import { StateStore } from '@sift/state';
import { ReportMeta, reportMetaSchema } from './report-meta.schema';
import { REPORT_STATE_TTL_SECONDS, reportKeys } from './report-keys.util';
import { ReportDeadlines } from './report-deadlines.util';

/** Reports known to the pipeline, with their sessions deadline on the index the aggregator sweeps. */
export class ReportRegistry {
  private readonly deadlines: ReportDeadlines;

  constructor(private readonly store: StateStore) {
    this.deadlines = new ReportDeadlines(store);
  }

  /**
   * The deadline goes in first: a registration that breaks off in between leaves no meta, so the batch's
   * redelivery registers it again, and never a registered report without a deadline.
   */
  async register(meta: ReportMeta): Promise<void> {
    const valid = reportMetaSchema.parse(meta);
    await this.deadlines.arm(valid.reportId, 'sessions', Date.parse(valid.deadlineAt));
    await this.store.setJson(reportKeys.meta(valid.reportId), valid, {
      ttlSeconds: REPORT_STATE_TTL_SECONDS,
    });
  }

  /** Restarts the meta's TTL, so it outlives every other key of the report written so far. */
  async touch(reportId: string): Promise<void> {
    const meta = await this.find(reportId);
    if (meta)
      await this.store.setJson(reportKeys.meta(reportId), meta, { ttlSeconds: REPORT_STATE_TTL_SECONDS });
  }

  find(reportId: string): Promise<ReportMeta | null> {
    return this.store.getJson(reportKeys.meta(reportId), reportMetaSchema);
  }
}
