import { applyDecorators, UseFilters } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { TopicDescriptor } from '@sift/contracts';
import { RethrowRpcErrorsFilter } from './rethrow-rpc-errors.filter';

/**
 * Marks a method as the handler of a topic; the payload it receives is already parsed by the topic
 * schema. Its errors reach the delivery policy as thrown (code and `retriable` intact): the filter is
 * bound to the method, so it holds however and whenever the app was initialized.
 */
export function ConsumeTopic(descriptor: TopicDescriptor): MethodDecorator {
  return applyDecorators(EventPattern(descriptor.topic), UseFilters(RethrowRpcErrorsFilter));
}
