import {
  ConsumerHandle,
  MessageTransport,
  MessagingLogger,
  StartPosition,
} from '../transport/transport.types';
import { ConsumerObserver, NO_OBSERVER } from './consumer-observer.types';
import { DeadLetterSink } from './dead-letter.types';
import { DEFAULT_DELIVERY_POLICY, DeliveryPolicy } from './delivery-policy';
import { MessageDispatcher } from './message-dispatcher';
import { TopicRoute } from './topic-route';

export interface ConsumeTopicsOptions {
  readonly groupId: string;
  readonly routes: readonly TopicRoute[];
  readonly deadLetters: DeadLetterSink;
  readonly logger: MessagingLogger;
  /** Handler attempts running at once over all partitions of this member. Default 4. */
  readonly concurrency?: number;
  /** Fields left out keep their defaults. */
  readonly policy?: Partial<DeliveryPolicy>;
  readonly observer?: ConsumerObserver;
  /** Where a new group starts per topic (default earliest). */
  readonly startAt?: Readonly<Record<string, StartPosition>>;
}

const NOTHING_TO_CONSUME: ConsumerHandle = {
  assignment: () => [],
  health: () => ({ healthy: true, reason: 'nothing to consume' }),
  onFailure: () => undefined,
  stop: async () => undefined,
};

/** Joins `groupId` on every routed topic, with the shared validation, retry and dead-letter policy. */
export function consumeTopics(
  transport: MessageTransport,
  options: ConsumeTopicsOptions,
): Promise<ConsumerHandle> {
  const dispatcher = new MessageDispatcher({
    consumerGroup: options.groupId,
    routes: options.routes,
    deadLetters: options.deadLetters,
    policy: { ...DEFAULT_DELIVERY_POLICY, ...options.policy },
    observer: options.observer ?? NO_OBSERVER,
    logger: options.logger,
    concurrency: options.concurrency ?? 4,
  });
  const topics = options.routes.map((route) => route.descriptor.topic);
  if (topics.length === 0) return Promise.resolve(NOTHING_TO_CONSUME);
  return transport.subscribe(
    { groupId: options.groupId, topics, startAt: options.startAt },
    dispatcher.dispatch,
  );
}
