import { ALL_TOPICS, ServiceName, TOPOLOGY } from '@sift/contracts';
import {
  DeadLetterPublisher,
  DeliveryPolicy,
  MessageTransport,
  MessagingLogger,
  SiftTransportServer,
  TypedPublisher,
} from '@sift/messaging';
import { ServiceMetrics } from '../ops/service-metrics';

export interface StageServerOptions {
  readonly transport: MessageTransport;
  readonly metrics: ServiceMetrics;
  readonly logger: MessagingLogger;
  readonly concurrency: number;
  readonly policy?: DeliveryPolicy;
}

/** The transport strategy a stage consumes through: its topology's consumer group, the shared DLQ. */
export function createStageServer(stage: ServiceName, options: StageServerOptions): SiftTransportServer {
  return new SiftTransportServer({
    transport: options.transport,
    groupId: TOPOLOGY[stage].consumerGroup,
    topics: ALL_TOPICS,
    deadLetters: new DeadLetterPublisher(new TypedPublisher(options.transport)),
    logger: options.logger,
    concurrency: options.concurrency,
    policy: options.policy,
    observer: options.metrics,
  });
}
