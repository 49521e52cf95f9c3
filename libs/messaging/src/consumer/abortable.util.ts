import { BulkheadPolicy } from 'cockatiel';

/**
 * Runs `work` in one of `slots`. A delivery whose signal fires while it still waits for a slot stops
 * waiting at once (its queued turn, when it comes, ends immediately and passes the slot on; cockatiel's
 * own cancellation would leave the queue stuck). Work that has started is waited for: it decides itself
 * whether to stop on the signal.
 */
export function inSlot<T>(slots: BulkheadPolicy, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  let started = false;
  const attempt = slots.execute(() => {
    signal.throwIfAborted();
    started = true;
    return work();
  });
  return new Promise<T>((resolve, reject) => {
    const abandon = (): void => {
      if (started) return;
      attempt.catch(() => undefined);
      reject(signal.reason);
    };
    signal.addEventListener('abort', abandon, { once: true });
    attempt.then(resolve, reject).finally(() => signal.removeEventListener('abort', abandon));
  });
}
