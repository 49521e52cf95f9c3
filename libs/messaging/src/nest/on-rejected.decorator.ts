import { applyDecorators, UseFilters } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { TopicDescriptor } from '@sift/contracts';
import { RethrowRpcErrorsFilter } from './rethrow-rpc-errors.filter';

const REJECTED_SUFFIX = '#rejected';

/**
 * Marks a method that hears about every message of a topic just before it is dead-lettered (invalid
 * JSON, schema violation, a non-retriable error, retries exhausted); it receives a `RejectedMessage`.
 */
export function OnRejected(descriptor: TopicDescriptor): MethodDecorator {
  return applyDecorators(
    EventPattern(`${descriptor.topic}${REJECTED_SUFFIX}`),
    UseFilters(RethrowRpcErrorsFilter),
  );
}

/** The topic a `@OnRejected` pattern listens to, or undefined for an ordinary pattern. */
export function rejectedTopicOf(pattern: string): string | undefined {
  return pattern.endsWith(REJECTED_SUFFIX) ? pattern.slice(0, -REJECTED_SUFFIX.length) : undefined;
}
