import { ALL_TOPICS, EXTERNAL_INPUT_TOPICS, ServiceName, TOPOLOGY } from '@sift/contracts';
import {
  DeadLetterPublisher,
  DeliveryPolicy,
  MessageTransport,
  MessagingLogger,
  SiftTransportServer,
  StartPosition,
  TypedPublisher,
} from '@sift/messaging';
import { ServiceMetrics } from '../ops/service-metrics';

export interface StageServerOptions {
  readonly transport: MessageTransport;
  readonly metrics: ServiceMetrics;
  readonly logger: MessagingLogger;
  readonly concurrency: number;
  readonly policy?: Partial<DeliveryPolicy>;
  /** Where a new consumer group starts on the input topic (`sift.batches.v1`); internal topics: earliest. */
  readonly inputStartAt?: StartPosition;
  /** Appended to the topology's consumer group (tests run replicas as groups of their own). */
  readonly groupIdSuffix?: string;
}

/**
 * The transport strategy a stage consumes through: its topology's consumer group and topics (a handler
 * bound to a topic the stage's topology does not list fails at start-up), the shared DLQ.
 */
export function createStageServer(stage: ServiceName, options: StageServerOptions): SiftTransportServer {
  const { consumerGroup, consumes } = TOPOLOGY[stage];
  const topics = ALL_TOPICS.filter((descriptor) =>
    (consumes as readonly string[]).includes(descriptor.topic),
  );
  const inputStartAt = options.inputStartAt ?? 'latest';
  return new SiftTransportServer({
    transport: options.transport,
    groupId: consumerGroup + (options.groupIdSuffix ?? ''),
    topics,
    startAt: Object.fromEntries(EXTERNAL_INPUT_TOPICS.map((topic) => [topic, inputStartAt])),
    deadLetters: new DeadLetterPublisher(new TypedPublisher(options.transport)),
    logger: options.logger,
    concurrency: options.concurrency,
    policy: options.policy,
    observer: options.metrics,
  });
}
