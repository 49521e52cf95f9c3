import { bulkhead, BulkheadPolicy } from 'cockatiel';
import { errorCode, errorMessage, failureKind } from '@sift/errors';
import { DeliveryControls, MessagingLogger, RawMessage } from '../transport/transport.types';
import { ConsumerObserver } from './consumer-observer.types';
import { DeadLetterSink } from './dead-letter.types';
import { DeliveryPolicy } from './delivery-policy';
import { decodeMessage } from './message-decoder';
import { RetrySchedule } from './retry-schedule';
import { RejectedMessage, TopicRoute } from './topic-route';

export interface MessageDispatcherOptions {
  readonly consumerGroup: string;
  readonly routes: readonly TopicRoute[];
  readonly deadLetters: DeadLetterSink;
  readonly policy: DeliveryPolicy;
  readonly observer: ConsumerObserver;
  readonly logger: MessagingLogger;
  /** Handler attempts running at once in this consumer, over all its partitions. */
  readonly concurrency: number;
}

/**
 * The failure policy both transports share: validate at the edge, retry failed handlers with exponential
 * backoff and jitter — between attempts the message waits without holding a concurrency slot, and its
 * partition waits with it — and send everything else (poison bytes, schema-invalid values, fatal errors,
 * exhausted retries) to the dead-letter topic, so the consumer keeps going.
 */
export class MessageDispatcher {
  private readonly routes: ReadonlyMap<string, TopicRoute>;
  private readonly slots: BulkheadPolicy;

  constructor(private readonly options: MessageDispatcherOptions) {
    this.routes = new Map(options.routes.map((route) => [route.descriptor.topic, route]));
    this.slots = bulkhead(Math.max(1, options.concurrency), Number.MAX_SAFE_INTEGER);
  }

  /** Resolves once the message is handled or dead-lettered; rejects only when it must be delivered again. */
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
      await this.tellRejected(route, { message, code: decoded.code, reason: decoded.reason }, controls);
      await this.deadLetter(message, decoded.code, decoded.reason, 1);
      return;
    }
    try {
      await this.handleWithRetries(route, decoded.value, message, controls);
    } finally {
      observer.handled(message.topic, Number(process.hrtime.bigint() - started) / 1e9);
    }
  };

  private async handleWithRetries(
    route: TopicRoute,
    value: unknown,
    message: RawMessage,
    controls: DeliveryControls,
  ): Promise<void> {
    const schedule = new RetrySchedule(this.options.policy);
    for (;;) {
      controls.signal.throwIfAborted();
      try {
        // The signal is checked inside the slot, not passed to the bulkhead: cockatiel leaves a cancelled
        // waiter queued, and taking it out would not hand its turn to the next one.
        await this.slots.execute(() => {
          controls.signal.throwIfAborted();
          return route.handle(value, message, controls);
        });
        return;
      } catch (error) {
        // A revoked partition or a stopping consumer: the message is not ours to finish or to give up on.
        if (controls.signal.aborted) throw error;
        this.options.observer.failed(message.topic, errorCode(error));
        if (schedule.failed(failureKind(error))) {
          await schedule.wait(controls.signal);
          continue;
        }
        const attempts = schedule.attemptsMade;
        const gaveUp = failureKind(error) === 'fatal' ? '' : `gave up after ${attempts} attempts: `;
        const reason = `${gaveUp}${errorMessage(error)}`;
        await this.tellRejected(route, { message, code: errorCode(error), reason, value }, controls);
        await this.deadLetter(message, errorCode(error), reason, attempts);
        return;
      }
    }
  }

  private async tellRejected(
    route: TopicRoute,
    rejection: RejectedMessage,
    controls: DeliveryControls,
  ): Promise<void> {
    if (!route.rejected) return;
    try {
      await route.rejected(rejection, controls);
    } catch (error) {
      // The answer the route owes must not get lost on a passing fault: redeliver the message instead.
      if (failureKind(error) !== 'fatal') throw error;
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
    this.options.logger.warn(`dead-lettering ${where} (${code}): ${why.split('\n')[0]}`);
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
      // never take (the broker refuses it for good) must not block the partition forever.
      if (failureKind(error) !== 'fatal') throw error;
      this.options.logger.error(`could not dead-letter ${where}, dropping it: ${errorMessage(error)}`);
    }
    this.options.observer.deadLettered(message.topic, code);
  }
}
