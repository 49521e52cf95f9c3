/** How often and how patiently a retriable handler failure is tried again before it is dead-lettered. */
export interface DeliveryPolicy {
  /** Total attempts, the first one included. */
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 200,
  maxDelayMs: 15_000,
};
