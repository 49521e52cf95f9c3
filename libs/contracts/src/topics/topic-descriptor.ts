import { z } from 'zod';

/** The shape every Sift topic name has: `sift.<name>.v<N>`. */
export const TOPIC_NAME_PATTERN = /^sift\.[a-z0-9-]+\.v\d+$/;

/**
 * Ties a Kafka topic name to the zod schemas of its message key and value.
 * The version lives in the topic name (`sift.<name>.v<N>`); a breaking change is a new topic.
 */
export interface TopicDescriptor<
  K extends z.ZodType<string> = z.ZodType<string>,
  V extends z.ZodType = z.ZodType,
  N extends string = string,
> {
  readonly topic: N;
  readonly key: K;
  readonly value: V;
  /** What the key is, for docs and for choosing it consistently: messages with one key keep their order. */
  readonly keyedBy: string;
  /**
   * Derives the message key from a parsed value, so every producer keys a topic the same way
   * (a publisher can call it instead of picking the key by hand). All Sift topics define it.
   */
  keyOf?(value: z.output<V>): z.output<K>;
}

export type TopicKey<T extends TopicDescriptor> = z.output<T['key']>;
export type TopicValue<T extends TopicDescriptor> = z.output<T['value']>;
/** What a publisher may pass: the schema's input type (before defaults are applied). */
export type TopicValueInput<T extends TopicDescriptor> = z.input<T['value']>;
/** The literal topic name of a descriptor, e.g. `'sift.session-jobs.v1'`. */
export type TopicNameOf<T extends TopicDescriptor> = T['topic'];

export function defineTopic<K extends z.ZodType<string>, V extends z.ZodType, N extends string>(
  descriptor: TopicDescriptor<K, V, N>,
): TopicDescriptor<K, V, N> {
  if (!TOPIC_NAME_PATTERN.test(descriptor.topic)) {
    throw new Error(`topic name "${descriptor.topic}" must look like sift.<name>.v<N>`);
  }
  return Object.freeze({ ...descriptor });
}
