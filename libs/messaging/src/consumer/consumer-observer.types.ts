/** Hooks for metrics; the messaging lib stays free of any metrics library. */
export interface ConsumerObserver {
  consumed(topic: string): void;
  /** One handler attempt failed (it may still be retried). */
  failed(topic: string, code: string): void;
  deadLettered(topic: string, code: string): void;
  handled(topic: string, seconds: number): void;
}

export const NO_OBSERVER: ConsumerObserver = {
  consumed: () => undefined,
  failed: () => undefined,
  deadLettered: () => undefined,
  handled: () => undefined,
};
