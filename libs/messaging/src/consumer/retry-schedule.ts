import { ExponentialBackoff, IBackoff, IBackoffFactory } from 'cockatiel';
import { FailureKind } from '@sift/errors';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeliveryPolicy } from './delivery-policy';

/**
 * When to try a failed message again. The delays come from cockatiel's exponential backoff with jitter;
 * the waiting is ours because it must end when the partition is revoked or the consumer stops (cockatiel
 * 3's retry policy cannot cut a delay short) and must not hold a concurrency slot.
 */
export class RetrySchedule {
  private readonly started = Date.now();
  private readonly delays: IBackoffFactory<unknown>;
  private backoff?: IBackoff<unknown>;
  private attempts = 0;

  constructor(private readonly policy: DeliveryPolicy) {
    this.delays = new ExponentialBackoff({
      initialDelay: policy.initialDelayMs,
      maxDelay: policy.maxDelayMs,
    });
  }

  get attemptsMade(): number {
    return this.attempts;
  }

  /** Counts an attempt that just failed; true when the failure is worth another one. */
  failed(kind: FailureKind): boolean {
    this.attempts += 1;
    if (kind === 'fatal') return false;
    if (this.attempts < this.policy.maxAttempts) return true;
    return kind === 'transient' && Date.now() - this.started < this.policy.retryBudgetMs;
  }

  /** Waits out the next delay; rejects with the signal's reason when it fires first. */
  async wait(signal: AbortSignal): Promise<void> {
    this.backoff = (this.backoff ?? this.delays).next(undefined);
    await sleep(this.backoff.duration, undefined, { signal }).catch((error: unknown) => {
      throw signal.aborted ? signal.reason : error;
    });
  }
}
