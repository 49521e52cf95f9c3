import { DEADLINES_KEY, StateStore } from '@sift/state';
import { ReportMeta, reportMetaSchema } from './report-meta.schema';
import { REPORT_STATE_TTL_SECONDS, reportKeys } from './report-keys.util';

/** Reports known to the pipeline, and the deadline index the aggregator sweeps. */
export class ReportRegistry {
  constructor(private readonly store: StateStore) {}

  async register(meta: ReportMeta): Promise<void> {
    await this.store.setJson(reportKeys.meta(meta.reportId), reportMetaSchema.parse(meta), {
      ttlSeconds: REPORT_STATE_TTL_SECONDS,
    });
    await this.ensureDeadline(meta);
  }

  /** Puts the report on the deadline index (again); idempotent, so a half-done registration can be completed. */
  async ensureDeadline(meta: ReportMeta): Promise<void> {
    await this.store.zadd(DEADLINES_KEY, Date.parse(meta.deadlineAt), meta.reportId);
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
