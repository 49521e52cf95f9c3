import { bulkhead, BulkheadPolicy } from 'cockatiel';
import { errorCode, errorMessage, failureKind } from '@sift/errors';
import { DeliveryControls, MessagingLogger, RawMessage } from '../transport/transport.types';
import { ConsumerObserver } from './consumer-observer.types';
import { DeadLetterSink } from './dead-letter.types';
import { DeliveryPolicy } from './delivery-policy';
import { decodeMessage } from './message-decoder';
import { inSlot } from './abortable.util';
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
      await this.deadLetter(message, 'NO_HANDLER', `no handler for topic ${message.topic}`, 1, controls);
      return;
    }
    const decoded = decodeMessage(message, route.descriptor);
    if (!decoded.ok) {
      await this.tellRejected(route, { message, code: decoded.code, reason: decoded.reason }, controls);
      await this.deadLetter(message, decoded.code, decoded.reason, 1, controls);
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
        await inSlot(this.slots, controls.signal, () => route.handle(value, message, controls));
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
        await this.deadLetter(message, errorCode(error), reason, attempts, controls);
        return;
      }
    }
  }

  private async tellRejected(
    route: TopicRoute,
    rejection: RejectedMessage,
    controls: DeliveryControls,
  ): Promise<void> {
    const rejected = route.rejected;
    if (!rejected) return;
    const delivered = await this.untilDelivered(
      `the rejection answer for ${route.descriptor.topic}`,
      controls,
      () => rejected(rejection, controls),
    );
    if (!delivered.ok) {
      this.options.logger.error(
        `rejection handler for ${route.descriptor.topic} failed: ${errorMessage(delivered.error)}`,
      );
    }
  }

  private async deadLetter(
    message: RawMessage,
    code: string,
    reason: string,
    attempts: number,
    controls: DeliveryControls,
  ): Promise<void> {
    const where = `${message.topic}[${message.partition}]@${message.offset}`;
    const why = reason || code;
    this.options.logger.warn(`dead-lettering ${where} (${code}): ${why.split('\n')[0]}`);
    const letter = { message, consumerGroup: this.options.consumerGroup, code, reason: why, attempts };
    const sent = await this.untilDelivered(`the dead letter of ${where}`, controls, () =>
      this.options.deadLetters.send(letter),
    );
    // A letter the DLQ can never take (the broker refuses it for good) must not block the partition.
    if (!sent.ok)
      this.options.logger.error(`could not dead-letter ${where}, dropping it: ${errorMessage(sent.error)}`);
    this.options.observer.deadLettered(message.topic, code);
  }

  /**
   * Runs `send` until it succeeds or fails for good; a passing failure (the DLQ's broker is down) is
   * waited out here, so the handler that was given up on does not run again. Rejects only on the signal.
   */
  private async untilDelivered(
    what: string,
    controls: DeliveryControls,
    send: () => Promise<void>,
  ): Promise<{ ok: true } | { ok: false; error: unknown }> {
    const schedule = new RetrySchedule({ ...this.options.policy, retryBudgetMs: Number.POSITIVE_INFINITY });
    for (;;) {
      controls.signal.throwIfAborted();
      try {
        await send();
        return { ok: true };
      } catch (error) {
        if (controls.signal.aborted) throw error;
        if (failureKind(error) === 'fatal') return { ok: false, error };
        schedule.failed('transient');
        this.options.logger.warn(`${what} failed, trying again: ${errorMessage(error)}`);
        await schedule.wait(controls.signal);
      }
    }
  }
}
