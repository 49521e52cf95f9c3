import { EventPattern } from '@nestjs/microservices';
import { TopicDescriptor } from '@sift/contracts';

/** Marks a method as the handler of a topic; the payload it receives is already parsed by the topic schema. */
export function ConsumeTopic(descriptor: TopicDescriptor): MethodDecorator {
  return EventPattern(descriptor.topic);
}
