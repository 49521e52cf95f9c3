import {
  DeadLetter,
  dlqTopic,
  fixtures,
  patternJobsTopic,
  ReportMessage,
  reportsTopic,
  SessionResultInput,
  sessionResultsTopic,
  sessionSummarySchema,
  TopicDescriptor,
  TopicValue,
} from '@sift/contracts';
import {
  ConsumerHandle,
  consumeTopics,
  InMemoryTransport,
  topicRoute,
  TypedPublisher,
} from '@sift/messaging';
import { reportKeys, ReportRegistry, SummaryStore } from '@sift/reports';
import { EmbeddedPipeline, startEmbeddedPipeline } from '@sift/service-kit';
import { MemoryStateStore } from '@sift/state';
import { waitUntil } from '@sift/testing';
import { aggregatorStage } from './aggregator.stage';
import { FakeExtractorOptions, FakePatternExtractor } from './fake-pattern-extractor.test-util';

const quiet = { debug: () => undefined, log: () => undefined, warn: () => undefined, error: () => undefined };

export interface HarnessOptions extends FakeExtractorOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** The store the aggregator works on (default: a fresh memory store). */
  readonly store?: MemoryStateStore;
}

/** The aggregator in an embedded pipeline, with the test playing every other stage. */
export class AggregatorHarness {
  readonly store: MemoryStateStore;
  readonly transport = new InMemoryTransport();
  readonly publisher = new TypedPublisher(this.transport);
  readonly registry: ReportRegistry;
  readonly reports: ReportMessage[] = [];
  readonly deadLetters: DeadLetter[] = [];
  readonly extractor: FakePatternExtractor;
  private pipeline?: EmbeddedPipeline;
  private readonly consumers: ConsumerHandle[] = [];

  constructor(private readonly options: HarnessOptions = {}) {
    this.store = options.store ?? new MemoryStateStore();
    this.registry = new ReportRegistry(this.store);
    this.extractor = new FakePatternExtractor(this.store, this.publisher, options);
  }

  async start(): Promise<this> {
    this.pipeline = await startEmbeddedPipeline({
      stages: [aggregatorStage],
      transport: this.transport,
      store: this.store,
      env: { REPORT_DEADLINE_SWEEP_MS: '50', ...this.options.env },
      logger: false,
    });
    await this.collect(reportsTopic, this.reports);
    await this.collect(dlqTopic, this.deadLetters);
    this.consumers.push(
      await consumeTopics(this.transport, {
        groupId: 'test-pattern-extractor',
        routes: [topicRoute(patternJobsTopic, this.extractor.handle)],
        deadLetters: { send: async () => undefined },
        logger: quiet,
      }),
    );
    return this;
  }

  async stop(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    await this.pipeline?.stop();
    await this.transport.close();
    await this.store.close();
  }

  register(reportId: string, sessionIds: string[], deadlineInMs = 60_000): Promise<void> {
    const now = Date.now();
    return this.registry.register({
      reportId,
      question: 'Why do users abandon checkout?',
      createdAt: new Date(now).toISOString(),
      deadlineAt: new Date(now + deadlineInMs).toISOString(),
      sessionIds,
    });
  }

  /** Stores a valid summary for the session, as the summarizer would, and returns its result. */
  async succeeded(
    reportId: string,
    sessionId: string,
  ): Promise<Extract<SessionResultInput, { status: 'succeeded' }>> {
    const summaryRef = reportKeys.summary(reportId, sessionId);
    const summary = sessionSummarySchema.parse({ ...fixtures.summaryOfSessionB, sessionId });
    await new SummaryStore(this.store).save(summaryRef, summary);
    const usage = fixtures.sessionUsage;
    return { reportId, sessionId, status: 'succeeded', summaryRef, usage, durationMs: 1_200 };
  }

  async send(results: readonly SessionResultInput[]): Promise<void> {
    for (const result of results) await this.publisher.publish(sessionResultsTopic, result.reportId, result);
  }

  /** Waits until `condition` holds; fails naming `what` it waited for. */
  waitFor(what: string, condition: () => boolean, timeoutMs = 5_000): Promise<void> {
    return waitUntil(what, condition, timeoutMs);
  }

  private async collect<T extends TopicDescriptor>(descriptor: T, into: TopicValue<T>[]): Promise<void> {
    const route = topicRoute(descriptor, async (value) => void into.push(value));
    const groupId = `test-${descriptor.topic}`;
    this.consumers.push(
      await consumeTopics(this.transport, {
        groupId,
        routes: [route],
        deadLetters: { send: async () => undefined },
        logger: quiet,
      }),
    );
  }
}
