import { DEADLINES_KEY, StateStore } from '@sift/state';
import { ReportMeta, reportMetaSchema } from './report-meta.schema';
import { REPORT_STATE_TTL_SECONDS, reportKeys } from './report-keys.util';

/** Reports known to the pipeline, and the deadline index the aggregator sweeps. */
export class ReportRegistry {
  constructor(private readonly store: StateStore) {}

  /**
   * The deadline goes in first: a registration that breaks off in between leaves no meta, so the batch's
   * redelivery registers it again, and never a registered report without a deadline.
   */
  async register(meta: ReportMeta): Promise<void> {
    const valid = reportMetaSchema.parse(meta);
    await this.store.zadd(DEADLINES_KEY, Date.parse(valid.deadlineAt), valid.reportId);
    await this.store.setJson(reportKeys.meta(valid.reportId), valid, {
      ttlSeconds: REPORT_STATE_TTL_SECONDS,
    });
  }

  find(reportId: string): Promise<ReportMeta | null> {
    return this.store.getJson(reportKeys.meta(reportId), reportMetaSchema);
  }

  /** Report ids whose deadline has passed, oldest first. */
  overdue(now: number, limit = 100): Promise<string[]> {
    return this.store.zrangeByScore(DEADLINES_KEY, 0, now, limit);
  }

  /** Takes a report off the deadline index; true for exactly one of several racing callers. */
  settle(reportId: string): Promise<boolean> {
    return this.store.zrem(DEADLINES_KEY, reportId);
  }
}
