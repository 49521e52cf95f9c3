import { BaseRpcContext } from '@nestjs/microservices';
import { DeliveryControls, RawMessage } from '../transport/transport.types';

/** What `@Ctx()` gives a handler: where the message came from, and the signal that voids the delivery. */
export class SiftMessageContext extends BaseRpcContext<[RawMessage, DeliveryControls]> {
  getMessage(): RawMessage {
    return this.args[0];
  }

  getTopic(): string {
    return this.args[0].topic;
  }

  getKey(): string | null {
    return this.args[0].key?.toString('utf8') ?? null;
  }

  /** Fires when the partition was revoked or the consumer stops: long work should stop and throw. */
  get signal(): AbortSignal {
    return this.args[1].signal;
  }
}
