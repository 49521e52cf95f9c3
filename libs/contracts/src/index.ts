// Topics: descriptors, the full list and the topology.
export * from './topics/topic-descriptor';
export * from './topics/all-topics';
export * from './topics/topology';

// Shared building blocks.
export * from './shared/ids.schema';
export * from './shared/limits.constants';
export * from './shared/stage-timings.schema';
export * from './shared/store-ref.schema';
export * from './shared/timestamp.schema';
export * from './shared/uri.schema';
export * from './shared/usage.schema';

// Input contract (DESIGN §2).
export * from './input/batch-folder.schema';
export * from './input/batch-manifest.schema';
export * from './input/posthog-event.schema';
export * from './input/rrweb-event.schema';

// Session summaries.
export * from './summary/clip-validation.schema';
export * from './summary/flags.schema';
export * from './summary/key-action.schema';
export * from './summary/segment.schema';
export * from './summary/session-summary.schema';

// Messages, one per topic.
export * from './messages/batch.message';
export * from './messages/session-job.message';
export * from './messages/moment.message';
export * from './messages/clip.message';
export * from './messages/session-result.message';
export * from './messages/pattern-job.message';
export * from './messages/pattern-result.message';
export * from './messages/report.message';
export * from './messages/report-progress.message';
export * from './messages/dlq.message';

// Output contract (DESIGN §3).
export * from './report/severity.schema';
export * from './report/pattern.schema';
export * from './report/pattern-order.util';
export * from './report/report.schema';

/** Valid and invalid examples of every message, for tests in any lib: `fixtures.sessionJobFixtures`. */
export * as fixtures from './fixtures';
