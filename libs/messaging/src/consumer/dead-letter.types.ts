import { RawMessage } from '../transport/transport.types';

/** A message the consumer gives up on, with everything needed to inspect or replay it. */
export interface FailedDelivery {
  readonly message: RawMessage;
  readonly consumerGroup: string;
  readonly code: string;
  readonly reason: string;
  readonly attempts: number;
}

export interface DeadLetterSink {
  send(letter: FailedDelivery): Promise<void>;
}
