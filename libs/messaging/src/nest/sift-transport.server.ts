import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { TopicDescriptor } from '@sift/contracts';
import { lastValueFrom } from 'rxjs';
import { ConsumerObserver } from '../consumer/consumer-observer.types';
import { consumeTopics } from '../consumer/consume-topics';
import { DeadLetterSink } from '../consumer/dead-letter.types';
import { DeliveryPolicy } from '../consumer/delivery-policy';
import { TopicRoute } from '../consumer/topic-route';
import {
  ConsumerHandle,
  ConsumerHealth,
  DeliveryControls,
  MessageTransport,
  MessagingLogger,
  RawMessage,
  StartPosition,
} from '../transport/transport.types';
import { rejectedTopicOf } from './on-rejected.decorator';
import { SiftMessageContext } from './sift-message.context';

export interface SiftTransportServerOptions {
  readonly transport: MessageTransport;
  readonly groupId: string;
  /** Every topic a handler may be bound to; `@ConsumeTopic` on anything else fails at start-up. */
  readonly topics: readonly TopicDescriptor[];
  readonly deadLetters: DeadLetterSink;
  readonly logger: MessagingLogger;
  readonly concurrency?: number;
  readonly policy?: Partial<DeliveryPolicy>;
  readonly observer?: ConsumerObserver;
  readonly startAt?: Readonly<Record<string, StartPosition>>;
}

/**
 * A NestJS transport strategy over a Sift `MessageTransport` (Kafka or in-memory): routes each topic to its
 * `@ConsumeTopic` handler, with the shared validation, retry and dead-letter policy in front.
 */
export class SiftTransportServer extends Server implements CustomTransportStrategy {
  private consumer?: ConsumerHandle;
  private readonly failureListeners: Array<(error: unknown) => void> = [];

  constructor(private readonly options: SiftTransportServerOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const routes = [...this.messageHandlers.entries()]
        .filter(([pattern]) => rejectedTopicOf(pattern) === undefined)
        .map(([pattern, handler]) => this.route(pattern, handler));
      this.consumer = await consumeTopics(this.options.transport, { ...this.options, routes });
      this.failureListeners.forEach((listener) => this.consumer?.onFailure(listener));
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Stops fetching, lets in-flight handlers finish and commit, and leaves the group. */
  async close(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.stop();
  }

  /** Whether the consumer is doing its job (for `/ready`); unhealthy before it started and after it stopped. */
  health(): ConsumerHealth {
    return this.consumer?.health() ?? { healthy: false, reason: 'not consuming' };
  }

  /** `listener` hears once if the consumer stops for good on its own (a crash it cannot restart from). */
  onFailure(listener: (error: unknown) => void): void {
    this.failureListeners.push(listener);
    this.consumer?.onFailure(listener);
  }

  on(): void {
    // Status goes through health() and onFailure(); Nest's generic status events are not used.
  }

  unwrap<T>(): T {
    return this.options.transport as T;
  }

  private route(pattern: string, handler: MessageHandler): TopicRoute {
    const descriptor = this.options.topics.find((topic) => topic.topic === pattern);
    if (!descriptor) {
      const readable = this.options.topics.map((topic) => topic.topic).join(', ') || 'none';
      throw new Error(
        `@ConsumeTopic('${pattern}') is not one of the topics this consumer reads (${readable})`,
      );
    }
    const onRejected = [...this.messageHandlers.entries()].find(([p]) => rejectedTopicOf(p) === pattern)?.[1];
    const invoke = async (
      handle: MessageHandler,
      payload: unknown,
      message: RawMessage,
      controls: DeliveryControls,
    ) => {
      const result = await handle(payload, new SiftMessageContext([message, controls]));
      await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
    };
    return {
      descriptor,
      handle: (value, message, controls) => invoke(handler, value, message, controls),
      rejected:
        onRejected && ((rejection, controls) => invoke(onRejected, rejection, rejection.message, controls)),
    };
  }
}
