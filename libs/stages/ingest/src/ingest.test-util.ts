import {
  batchesTopic,
  BatchManifestInput,
  DeadLetter,
  dlqTopic,
  ReportMessage,
  reportsTopic,
  SessionJob,
  sessionJobsTopic,
  SessionResult,
  sessionResultsTopic,
} from '@sift/contracts';
import {
  ConsumerHandle,
  consumeTopics,
  InMemoryTransport,
  topicRoute,
  TypedPublisher,
} from '@sift/messaging';
import { EmbeddedPipeline, startEmbeddedPipeline } from '@sift/service-kit';
import { MemoryStateStore, StateStore } from '@sift/state';
import { waitUntil } from '@sift/testing';
import { ingestStage } from './ingest.stage';

const quiet = { debug: () => undefined, log: () => undefined, warn: () => undefined, error: () => undefined };

/** The ingest stage in an embedded pipeline, with the test watching every topic it writes. */
export class IngestHarness {
  readonly transport = new InMemoryTransport();
  readonly jobs: SessionJob[] = [];
  readonly results: SessionResult[] = [];
  readonly reports: ReportMessage[] = [];
  readonly deadLetters: DeadLetter[] = [];
  private pipeline?: EmbeddedPipeline;
  private observer?: ConsumerHandle;

  constructor(
    private readonly env: NodeJS.ProcessEnv = {},
    readonly store: StateStore = new MemoryStateStore(),
  ) {}

  async start(): Promise<this> {
    this.pipeline = await startEmbeddedPipeline({
      stages: [ingestStage],
      transport: this.transport,
      store: this.store,
      logger: false,
      env: this.env,
      policy: { initialDelayMs: 20, maxDelayMs: 100 },
    });
    this.observer = await consumeTopics(this.transport, {
      groupId: 'observer',
      logger: quiet,
      deadLetters: { send: async () => undefined },
      routes: [
        topicRoute(sessionJobsTopic, async (value) => void this.jobs.push(value)),
        topicRoute(sessionResultsTopic, async (value) => void this.results.push(value)),
        topicRoute(reportsTopic, async (value) => void this.reports.push(value)),
        topicRoute(dlqTopic, async (value) => void this.deadLetters.push(value)),
      ],
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.observer?.stop();
    await this.pipeline?.stop();
    await this.transport.close();
  }

  publish(batch: BatchManifestInput): Promise<void> {
    return new TypedPublisher(this.transport).publish(batchesTopic, batch.reportId, batch);
  }

  /** Waits until `condition` holds; fails naming `what` it waited for. */
  waitFor(what: string | (() => string), condition: () => boolean, timeoutMs = 10_000): Promise<void> {
    return waitUntil(what, condition, timeoutMs);
  }

  /** Every answer (job or result) ingest sent for `reportId`, by session. */
  answers(reportId: string): Map<string, SessionJob | SessionResult> {
    const all = [...this.jobs, ...this.results].filter((answer) => answer.reportId === reportId);
    return new Map(all.map((answer) => [answer.sessionId, answer]));
  }

  /** Waits until ingest answered for `count` sessions of `reportId`; fails naming what is missing. */
  waitForAnswers(reportId: string, count: number, timeoutMs = 10_000): Promise<void> {
    const got = (): string => [...this.answers(reportId).keys()].join(', ') || 'none';
    return this.waitFor(
      () => `${count} session answers of ${reportId} (got: ${got()})`,
      () => this.answers(reportId).size >= count,
      timeoutMs,
    );
  }
}
