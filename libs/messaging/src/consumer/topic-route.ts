import { TopicDescriptor, TopicValue } from '@sift/contracts';
import { DeliveryControls, RawMessage } from '../transport/transport.types';

/** A topic and the handler that receives its already validated values. */
export interface TopicRoute<T extends TopicDescriptor = TopicDescriptor> {
  readonly descriptor: T;
  handle(value: TopicValue<T>, message: RawMessage, controls: DeliveryControls): Promise<void>;
}

export function topicRoute<T extends TopicDescriptor>(
  descriptor: T,
  handle: (value: TopicValue<T>, message: RawMessage, controls: DeliveryControls) => Promise<void>,
): TopicRoute {
  return { descriptor, handle: handle as TopicRoute['handle'] };
}
