/** How often and how patiently a failed handler is tried again before the message is dead-lettered. */
export interface DeliveryPolicy {
  /** Attempts (the first one included) for a failure that does not say whether a retry helps. */
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /**
   * How long a failure that declares itself transient (a store failover, a broker or model that is down)
   * keeps being retried, with its partition held, before it is dead-lettered; never fewer than
   * `maxAttempts` attempts.
   */
  readonly retryBudgetMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 200,
  maxDelayMs: 15_000,
  retryBudgetMs: 10 * 60_000,
};
