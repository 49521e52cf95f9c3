import { TopicDescriptor, TopicValue } from '@sift/contracts';
import { DeliveryControls, RawMessage } from '../transport/transport.types';

/** A message on its way to the dead-letter topic: invalid at the edge, or its handler gave up. */
export interface RejectedMessage {
  readonly message: RawMessage;
  readonly code: string;
  readonly reason: string;
  /** The validated value, when the message got that far (absent for invalid JSON or schema errors). */
  readonly value?: unknown;
}

/** A topic and the handler that receives its already validated values. */
export interface TopicRoute<T extends TopicDescriptor = TopicDescriptor> {
  readonly descriptor: T;
  handle(value: TopicValue<T>, message: RawMessage, controls: DeliveryControls): Promise<void>;
  /**
   * Optional: told about every message just before it is dead-lettered, for stages that owe someone an
   * answer (ingest reports a malformed batch as failed, the summarizer a session it could not summarize).
   */
  rejected?(rejection: RejectedMessage, controls: DeliveryControls): Promise<void>;
}

export function topicRoute<T extends TopicDescriptor>(
  descriptor: T,
  handle: (value: TopicValue<T>, message: RawMessage, controls: DeliveryControls) => Promise<void>,
): TopicRoute {
  return { descriptor, handle: handle as TopicRoute['handle'] };
}
