import { BaseRpcContext } from '@nestjs/microservices';
import { DeliveryControls, RawMessage } from '../transport/transport.types';

/** What `@Ctx()` gives a handler: where the message came from, and a heartbeat for long work. */
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

  heartbeat(): Promise<void> {
    return this.args[1].heartbeat();
  }
}
