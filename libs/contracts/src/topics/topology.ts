import type { TopicName } from './all-topics';

/** The six pipeline services (DESIGN §1), one app each. */
export const SERVICE_NAMES = [
  'ingest',
  'summarizer',
  'video-renderer',
  'validator',
  'pattern-extractor',
  'aggregator',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** What one service reads and writes. */
export interface ServiceTopology {
  /** Kafka consumer group id of the service; its replicas share it. */
  readonly consumerGroup: string;
  readonly consumes: readonly TopicName[];
  /** Includes `sift.dlq.v1`: every consumer dead-letters poison messages. */
  readonly produces: readonly TopicName[];
}

/**
 * The pipeline as data (DESIGN §1); topic names are typed, so a misspelt one does not compile.
 * Beyond the diagram: ingest also produces `sift.session-results.v1` (sessions it skips as malformed
 * or too short) and `sift.reports.v1` (the failed report of a malformed batch, DESIGN §2).
 */
export const TOPOLOGY = {
  ingest: {
    consumerGroup: 'sift.ingest',
    consumes: ['sift.batches.v1'],
    produces: ['sift.session-jobs.v1', 'sift.session-results.v1', 'sift.reports.v1', 'sift.dlq.v1'],
  },
  summarizer: {
    consumerGroup: 'sift.summarizer',
    consumes: ['sift.session-jobs.v1'],
    produces: ['sift.moments.v1', 'sift.session-results.v1', 'sift.dlq.v1'],
  },
  'video-renderer': {
    consumerGroup: 'sift.video-renderer',
    consumes: ['sift.moments.v1'],
    produces: ['sift.clips.v1', 'sift.dlq.v1'],
  },
  validator: {
    consumerGroup: 'sift.validator',
    consumes: ['sift.clips.v1'],
    produces: ['sift.session-results.v1', 'sift.dlq.v1'],
  },
  'pattern-extractor': {
    consumerGroup: 'sift.pattern-extractor',
    consumes: ['sift.pattern-jobs.v1'],
    produces: ['sift.pattern-results.v1', 'sift.dlq.v1'],
  },
  aggregator: {
    consumerGroup: 'sift.aggregator',
    consumes: ['sift.session-results.v1', 'sift.pattern-results.v1'],
    produces: ['sift.pattern-jobs.v1', 'sift.reports.v1', 'sift.report-progress.v1', 'sift.dlq.v1'],
  },
} as const satisfies Record<ServiceName, ServiceTopology>;

/** Topics written from outside the pipeline (the CLI's `sift publish`, users' producers). */
export const EXTERNAL_INPUT_TOPICS = ['sift.batches.v1'] as const satisfies readonly TopicName[];
/** Topics read from outside the pipeline (the CLI, UIs, downstream systems, operators). */
export const EXTERNAL_OUTPUT_TOPICS = [
  'sift.reports.v1',
  'sift.report-progress.v1',
  'sift.dlq.v1',
] as const satisfies readonly TopicName[];

const lists = (service: ServiceName, role: 'consumes' | 'produces', name: TopicName): boolean =>
  (TOPOLOGY[service][role] as readonly TopicName[]).includes(name);

/** Services that consume the topic named `name`. */
export function consumersOf(name: TopicName): ServiceName[] {
  return SERVICE_NAMES.filter((service) => lists(service, 'consumes', name));
}

/** Services that produce to the topic named `name`. */
export function producersOf(name: TopicName): ServiceName[] {
  return SERVICE_NAMES.filter((service) => lists(service, 'produces', name));
}
