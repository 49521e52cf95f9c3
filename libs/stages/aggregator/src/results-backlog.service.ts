import { Inject, Injectable, Logger } from '@nestjs/common';
import { patternResultsTopic, sessionResultsTopic } from '@sift/contracts';
import { MESSAGE_TRANSPORT, MessageTransport } from '@sift/messaging';
import { PhaseDeadline, REPORT_STATE_TTL_SECONDS, reportKeys } from '@sift/reports';
import { CONSUMER_GROUP, STATE_STORE } from '@sift/service-kit';
import { StateStore } from '@sift/state';
import { z } from 'zod';
import { AGGREGATOR_CONFIG, AggregatorConfig } from './aggregator.config';

const watermarkSchema = z.strictObject({ endOffset: z.number().int().nonnegative(), since: z.number() });

/**
 * Whether the results a phase waits for are all read: when the aggregator lags, results produced before
 * a deadline may still sit on the topic, and closing then would fail sessions that did finish. At the
 * first look past a deadline the partition's end is noted; the phase closes once the group has read up
 * to it (results produced later really are late), or after a grace period whatever the lag.
 */
@Injectable()
export class ResultsBacklog {
  private readonly logger = new Logger(ResultsBacklog.name);

  constructor(
    @Inject(MESSAGE_TRANSPORT) private readonly transport: MessageTransport,
    @Inject(CONSUMER_GROUP) private readonly consumerGroup: string,
    @Inject(STATE_STORE) private readonly store: StateStore,
    @Inject(AGGREGATOR_CONFIG) private readonly config: AggregatorConfig,
  ) {}

  async caughtUp(deadline: PhaseDeadline): Promise<boolean> {
    const { reportId, phase } = deadline;
    const topic = phase === 'sessions' ? sessionResultsTopic.topic : patternResultsTopic.topic;
    const progress = await this.transport.progress(this.consumerGroup, topic, reportId);
    if (progress.committedOffset >= progress.endOffset) return true;
    const key = reportKeys.deadlineWatermark(reportId, phase);
    const first = { endOffset: progress.endOffset, since: Date.now() };
    await this.store.setJsonIfAbsent(key, first, { ttlSeconds: REPORT_STATE_TTL_SECONDS });
    const watermark = (await this.store.getJson(key, watermarkSchema)) ?? first;
    if (progress.committedOffset >= watermark.endOffset) return true;
    const waitedMs = Date.now() - watermark.since;
    if (waitedMs < this.config.DEADLINE_BACKLOG_GRACE_MS) return false;
    this.logger.warn(
      `report ${reportId}: closing the ${phase} phase although ${watermark.endOffset - progress.committedOffset} ` +
        `results of ${topic}[${progress.partition}] are still unread after ${Math.round(waitedMs / 1000)} s`,
    );
    return true;
  }
}
