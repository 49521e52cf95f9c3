import { TopicDescriptor, TopicKey, TopicValueInput } from '@sift/contracts';
import { z } from 'zod';
import { SiftError } from '@sift/errors';
import { MessageTransport } from '../transport/transport.types';

export interface KeyedValue<T extends TopicDescriptor> {
  readonly key: TopicKey<T>;
  readonly value: TopicValueInput<T>;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Publishes to a topic through its descriptor: a payload of the wrong shape for the topic does not
 * compile, and every value is parsed by the topic's schema before it leaves the process.
 */
export class TypedPublisher {
  constructor(private readonly transport: Pick<MessageTransport, 'send'>) {}

  publish<T extends TopicDescriptor>(
    descriptor: T,
    key: TopicKey<T>,
    value: TopicValueInput<T>,
    headers?: Readonly<Record<string, string>>,
  ): Promise<void> {
    return this.publishAll(descriptor, [{ key, value, headers }]);
  }

  async publishAll<T extends TopicDescriptor>(
    descriptor: T,
    messages: readonly KeyedValue<T>[],
  ): Promise<void> {
    if (messages.length === 0) return;
    const encoded = messages.map((message) => {
      const key = parseOrThrow(descriptor, 'key', message.key);
      const value = parseOrThrow(descriptor, 'value', message.value);
      assertKeyOf(descriptor, key, value);
      return { key, value: JSON.stringify(value), headers: message.headers };
    });
    await this.transport.send(descriptor.topic, encoded);
  }
}

/** Every producer keys a topic the same way: where the topic derives its key from the value, they must agree. */
function assertKeyOf<T extends TopicDescriptor>(
  descriptor: T,
  key: string,
  value: z.output<T['value']>,
): void {
  const expected = descriptor.keyOf?.(value);
  if (expected === undefined || expected === key) return;
  throw SiftError.fatal(
    'INVALID_OUTGOING_MESSAGE',
    `refusing to publish to ${descriptor.topic} under key "${key}": the topic is keyed by ${descriptor.keyedBy} ("${expected}")`,
  );
}

function parseOrThrow<T extends TopicDescriptor, P extends 'key' | 'value'>(
  descriptor: T,
  part: P,
  input: unknown,
): z.output<T[P]> {
  const parsed = descriptor[part].safeParse(input);
  if (!parsed.success) {
    throw SiftError.fatal(
      'INVALID_OUTGOING_MESSAGE',
      `refusing to publish an invalid ${descriptor.topic} ${part}: ${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data as z.output<T[P]>;
}
