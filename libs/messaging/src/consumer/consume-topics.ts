import { ConsumerHandle, MessageTransport, MessagingLogger } from '../transport/transport.types';
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
  readonly concurrency?: number;
  readonly policy?: DeliveryPolicy;
  readonly observer?: ConsumerObserver;
}

const NOTHING_TO_CONSUME: ConsumerHandle = { assignment: () => [], stop: async () => undefined };

/** Joins `groupId` on every routed topic, with the shared validation, retry and dead-letter policy. */
export function consumeTopics(
  transport: MessageTransport,
  options: ConsumeTopicsOptions,
): Promise<ConsumerHandle> {
  const dispatcher = new MessageDispatcher({
    consumerGroup: options.groupId,
    routes: options.routes,
    deadLetters: options.deadLetters,
    policy: options.policy ?? DEFAULT_DELIVERY_POLICY,
    observer: options.observer ?? NO_OBSERVER,
    logger: options.logger,
  });
  const topics = options.routes.map((route) => route.descriptor.topic);
  if (topics.length === 0) return Promise.resolve(NOTHING_TO_CONSUME);
  return transport.subscribe(
    { groupId: options.groupId, topics, concurrency: options.concurrency ?? 4 },
    dispatcher.dispatch,
  );
}
