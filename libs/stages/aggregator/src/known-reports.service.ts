import { Inject, Injectable } from '@nestjs/common';
import { SiftError } from '@sift/errors';
import { ReportMeta, ReportRegistry } from '@sift/reports';
import { STATE_STORE } from '@sift/service-kit';
import { StateStore } from '@sift/state';

/** A registered report and its session ids as a set (a batch may hold thousands). */
export interface KnownReport {
  readonly meta: ReportMeta;
  readonly sessionIds: ReadonlySet<string>;
}

const CACHED_REPORTS = 256;
/** A report id may be registered anew once its state expired: a cached meta is trusted only this long. */
const CACHE_FRESH_MS = 60_000;

/**
 * The report registry, with the metas of recent reports cached for a minute: a meta does not change while
 * its report runs, and every session result would otherwise re-read and re-validate it.
 */
@Injectable()
export class KnownReports {
  private readonly registry: ReportRegistry;
  private readonly cache = new Map<string, KnownReport & { readonly cachedAt: number }>();

  constructor(@Inject(STATE_STORE) store: StateStore) {
    this.registry = new ReportRegistry(store);
  }

  async find(reportId: string): Promise<KnownReport | null> {
    const cached = this.cache.get(reportId);
    if (cached && Date.now() - cached.cachedAt < CACHE_FRESH_MS) return cached;
    this.cache.delete(reportId);
    const meta = await this.registry.find(reportId);
    if (!meta) return null;
    const report = { meta, sessionIds: new Set(meta.sessionIds), cachedAt: Date.now() };
    this.cache.set(reportId, report);
    if (this.cache.size > CACHED_REPORTS) this.cache.delete(this.cache.keys().next().value ?? reportId);
    return report;
  }

  /** The report, or a fatal error: a message about a report nobody registered can never be processed. */
  async require(reportId: string): Promise<KnownReport> {
    const report = await this.find(reportId);
    if (report) return report;
    throw SiftError.fatal('UNKNOWN_REPORT', `report "${reportId}" is not registered (never was, or expired)`);
  }
}
