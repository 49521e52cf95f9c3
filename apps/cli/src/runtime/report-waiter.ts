import {
  ReportMessage,
  ReportProgress,
  reportProgressTopic,
  reportsTopic,
  ReportV1,
  reportV1Schema,
  storeRefFromUri,
} from '@sift/contracts';
import {
  consumeTopics,
  ConsumerHandle,
  MessageTransport,
  MessagingLogger,
  topicRoute,
} from '@sift/messaging';
import { StateStore } from '@sift/state';
import { randomUUID } from 'node:crypto';

export interface ReportWaiterOptions {
  readonly transport: MessageTransport;
  readonly store?: StateStore;
  readonly logger: MessagingLogger;
  /** Only this report; every report when absent. */
  readonly reportId?: string;
  readonly onProgress?: (progress: ReportProgress) => void;
  readonly onReport: (report: ReportV1, message: ReportMessage) => void;
}

/** Follows `sift.reports.v1` (and progress) in a consumer group of its own, from the beginning. */
export async function followReports(options: ReportWaiterOptions): Promise<ConsumerHandle> {
  const wanted = (reportId: string) => !options.reportId || reportId === options.reportId;
  return consumeTopics(options.transport, {
    groupId: `sift.cli.${randomUUID()}`,
    concurrency: 1,
    logger: options.logger,
    deadLetters: { send: async () => undefined },
    routes: [
      topicRoute(reportsTopic, async (message) => {
        if (wanted(message.reportId)) options.onReport(await loadReport(message, options.store), message);
      }),
      topicRoute(reportProgressTopic, async (progress) => {
        if (wanted(progress.reportId)) options.onProgress?.(progress);
      }),
    ],
  });
}

async function loadReport(message: ReportMessage, store: StateStore | undefined): Promise<ReportV1> {
  if (message.report) return message.report;
  const key = message.reportRef ? storeRefFromUri(message.reportRef) : undefined;
  if (!key || !store) {
    throw new Error(
      `report ${message.reportId} was published by reference (${message.reportRef}); pass --redis`,
    );
  }
  const report = await store.getJson(key, reportV1Schema);
  if (!report) throw new Error(`report ${message.reportId} is no longer in the store at ${key}`);
  return report;
}
