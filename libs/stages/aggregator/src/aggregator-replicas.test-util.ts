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
} from '@sift/contracts';
import {
  ConsumerHandle,
  consumeTopics,
  InMemoryBroker,
  InMemoryTransport,
  topicRoute,
  TopicRoute,
  TypedPublisher,
} from '@sift/messaging';
import { reportKeys, ReportRegistry, SummaryStore } from '@sift/reports';
import { EmbeddedPipeline, startEmbeddedPipeline } from '@sift/service-kit';
import { RedisStateStore } from '@sift/state';
import { waitUntil } from '@sift/testing';
import { aggregatorStage } from './aggregator.stage';
import { FakePatternExtractor } from './fake-pattern-extractor.test-util';

const quiet = { debug: () => undefined, log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Several aggregator replicas in one consumer group (each its own Nest app, transport client and Redis
 * connection) sharing one Redis, with the test playing ingest, the summarizer and the pattern extractor.
 */
export class AggregatorReplicas {
  private readonly broker = new InMemoryBroker();
  private readonly driver = new InMemoryTransport(this.broker);
  readonly publisher = new TypedPublisher(this.driver);
  readonly store: RedisStateStore;
  readonly reports: ReportMessage[] = [];
  readonly deadLetters: DeadLetter[] = [];
  readonly extractor: FakePatternExtractor;
  private readonly replicas: Array<{
    pipeline: EmbeddedPipeline;
    store: RedisStateStore;
    transport: InMemoryTransport;
  }> = [];
  private readonly consumers: ConsumerHandle[] = [];

  constructor(
    private readonly redisUrl: string,
    private readonly keyPrefix: string,
  ) {
    this.store = new RedisStateStore(redisUrl, { keyPrefix });
    this.extractor = new FakePatternExtractor(this.store, this.publisher);
  }

  /**
   * `overlapping`: every replica in a consumer group of its own, so each one receives every result — what
   * a rebalance that overlaps, or a handler outliving its revoked partition, does to a few messages.
   */
  async start(count: number, env: NodeJS.ProcessEnv, overlapping = false): Promise<this> {
    for (let i = 0; i < count; i += 1) {
      const transport = new InMemoryTransport(this.broker);
      const store = new RedisStateStore(this.redisUrl, { keyPrefix: this.keyPrefix });
      const pipeline = await startEmbeddedPipeline({
        stages: [aggregatorStage],
        transport,
        store,
        env,
        logger: false,
        groupIdSuffix: overlapping ? `-replica-${i}` : undefined,
      });
      this.replicas.push({ pipeline, store, transport });
    }
    const watch = (groupId: string, route: TopicRoute) =>
      consumeTopics(this.driver, {
        groupId,
        logger: quiet,
        deadLetters: { send: async () => undefined },
        routes: [route],
      });
    this.consumers.push(await watch('test-extractor', topicRoute(patternJobsTopic, this.extractor.handle)));
    const collect = topicRoute(reportsTopic, async (report) => void this.reports.push(report));
    this.consumers.push(await watch('test-reports', collect));
    const letters = topicRoute(dlqTopic, async (letter) => void this.deadLetters.push(letter));
    this.consumers.push(await watch('test-dlq', letters));
    return this;
  }

  async stop(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    for (const { pipeline, store, transport } of this.replicas) {
      await pipeline.stop();
      await transport.close();
      await store.close();
    }
    await this.driver.close();
    await this.store.close();
  }

  register(reportId: string, sessionIds: string[], deadlineInMs: number): Promise<void> {
    const now = Date.now();
    return new ReportRegistry(this.store).register({
      reportId,
      createdAt: new Date(now).toISOString(),
      deadlineAt: new Date(now + deadlineInMs).toISOString(),
      sessionIds,
    });
  }

  /** Stores a summary as the summarizer would and returns the session's result. */
  async succeeded(reportId: string, sessionId: string): Promise<SessionResultInput> {
    const summaryRef = reportKeys.summary(reportId, sessionId);
    await new SummaryStore(this.store).save(
      summaryRef,
      sessionSummarySchema.parse({ ...fixtures.summaryOfSessionB, sessionId }),
    );
    return {
      reportId,
      sessionId,
      status: 'succeeded',
      summaryRef,
      usage: fixtures.sessionUsage,
      durationMs: 900,
    };
  }

  send(result: SessionResultInput): Promise<void> {
    return this.publisher.publish(sessionResultsTopic, result.reportId, result);
  }

  /** Waits until `condition` holds; fails naming what it waited for. */
  waitFor(what: () => string, condition: () => boolean, timeoutMs: number): Promise<void> {
    return waitUntil(what, condition, timeoutMs);
  }
}
