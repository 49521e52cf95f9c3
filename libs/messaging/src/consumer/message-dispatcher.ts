import { ExponentialBackoff, handleWhen, retry, RetryPolicy } from 'cockatiel';
import { errorCode, errorMessage, isRetriable } from '@sift/errors';
import { DeliveryControls, MessagingLogger, RawMessage } from '../transport/transport.types';
import { ConsumerObserver } from './consumer-observer.types';
import { DeadLetterSink } from './dead-letter.types';
import { DeliveryPolicy } from './delivery-policy';
import { decodeMessage } from './message-decoder';
import { RejectedMessage, TopicRoute } from './topic-route';

export interface MessageDispatcherOptions {
  readonly consumerGroup: string;
  readonly routes: readonly TopicRoute[];
  readonly deadLetters: DeadLetterSink;
  readonly policy: DeliveryPolicy;
  readonly observer: ConsumerObserver;
  readonly logger: MessagingLogger;
}

/**
 * The failure policy both transports share: validate at the edge, retry retriable handler errors with
 * exponential backoff and jitter, and send everything else — poison bytes, schema-invalid values,
 * non-retriable errors, exhausted retries — to the dead-letter topic, so the consumer keeps going.
 */
export class MessageDispatcher {
  private readonly routes: ReadonlyMap<string, TopicRoute>;
  private readonly retryPolicy: RetryPolicy;

  constructor(private readonly options: MessageDispatcherOptions) {
    this.routes = new Map(options.routes.map((route) => [route.descriptor.topic, route]));
    this.retryPolicy = retry(handleWhen(isRetriable), {
      maxAttempts: Math.max(0, options.policy.maxAttempts - 1),
      backoff: new ExponentialBackoff({
        initialDelay: options.policy.initialDelayMs,
        maxDelay: options.policy.maxDelayMs,
      }),
    });
  }

  readonly dispatch = async (message: RawMessage, controls: DeliveryControls): Promise<void> => {
    const { observer } = this.options;
    const started = process.hrtime.bigint();
    observer.consumed(message.topic);
    const route = this.routes.get(message.topic);
    if (!route) {
      await this.deadLetter(message, 'NO_HANDLER', `no handler for topic ${message.topic}`, 1);
      return;
    }
    const decoded = decodeMessage(message, route.descriptor);
    if (!decoded.ok) {
      await this.tellRejected(route, { message, code: decoded.code, reason: decoded.reason });
      await this.deadLetter(message, decoded.code, decoded.reason, 1);
      return;
    }
    let attempts = 0;
    try {
      await this.retryPolicy.execute(async () => {
        attempts += 1;
        try {
          await route.handle(decoded.value, message, controls);
        } catch (error) {
          observer.failed(message.topic, errorCode(error));
          throw error;
        }
      });
    } catch (error) {
      const exhausted = isRetriable(error) ? `gave up after ${attempts} attempts: ` : '';
      const reason = `${exhausted}${errorMessage(error)}`;
      await this.tellRejected(route, { message, code: errorCode(error), reason, value: decoded.value });
      await this.deadLetter(message, errorCode(error), reason, attempts);
    } finally {
      observer.handled(message.topic, Number(process.hrtime.bigint() - started) / 1e9);
    }
  };

  private async tellRejected(route: TopicRoute, rejection: RejectedMessage): Promise<void> {
    if (!route.rejected) return;
    try {
      await route.rejected(rejection);
    } catch (error) {
      // The answer the route owes must not get lost on a passing fault: redeliver the message instead.
      if (isRetriable(error)) throw error;
      this.options.logger.error(
        `rejection handler for ${route.descriptor.topic} failed: ${errorMessage(error)}`,
      );
    }
  }

  private async deadLetter(
    message: RawMessage,
    code: string,
    reason: string,
    attempts: number,
  ): Promise<void> {
    const where = `${message.topic}[${message.partition}]@${message.offset}`;
    const why = reason || code;
    this.options.logger.warn(`dead-lettering ${where} (${code}): ${why}`);
    try {
      await this.options.deadLetters.send({
        message,
        consumerGroup: this.options.consumerGroup,
        code,
        reason: why,
        attempts,
      });
    } catch (error) {
      // An unreachable DLQ throws, and the transport redelivers the message later; a letter the DLQ can
      // never take must not block the partition forever.
      if (isRetriable(error)) throw error;
      this.options.logger.error(`could not dead-letter ${where}, dropping it: ${errorMessage(error)}`);
    }
    this.options.observer.deadLettered(message.topic, code);
  }
}
