import { z } from 'zod';
import { isoTimestampSchema } from '../shared/timestamp.schema';
import { defineTopic, TOPIC_NAME_PATTERN } from '../topics/topic-descriptor';

/** A Sift topic name (`sift.<name>.v<N>`). */
export const topicNameSchema = z
  .string()
  .regex(TOPIC_NAME_PATTERN, { error: 'must be a Sift topic name like sift.<name>.v<N>' });

/** A stable machine-readable error code in UPPER_SNAKE_CASE, e.g. `CONTRACT_VIOLATION`. */
export const errorCodeSchema = z
  .string()
  .max(64)
  .regex(/^[A-Z][A-Z0-9_]*$/, { error: 'errorCode must be UPPER_SNAKE_CASE, e.g. CONTRACT_VIOLATION' });

/** A message a consumer could not process, with everything needed to inspect and replay it. */
export const deadLetterSchema = z.strictObject({
  sourceTopic: topicNameSchema,
  partition: z.int().nonnegative(),
  /** Kafka offset as a decimal string (offsets are 64-bit). */
  offset: z.string().regex(/^\d+$/, { error: 'offset must be a non-negative decimal string' }),
  consumerGroup: z.string().min(1),
  /** The original key as UTF-8, `null` when the message had none. */
  key: z.string().nullable(),
  /** The original value bytes, base64; `null` when the message had no value. */
  valueBase64: z.base64({ error: 'valueBase64 must be base64 (with padding)' }).nullable(),
  /** Human-readable cause, precise enough to fix the producer (e.g. the zod issues). */
  reason: z.string().min(1),
  errorCode: errorCodeSchema,
  /** How many times processing was tried before giving up (1 for non-retriable errors). */
  attempts: z.int().positive(),
  failedAt: isoTimestampSchema,
});
export type DeadLetter = z.output<typeof deadLetterSchema>;
export type DeadLetterInput = z.input<typeof deadLetterSchema>;

/** Keyed by the source topic, so one topic's poison messages stay in order. */
export const dlqTopic = defineTopic({
  topic: 'sift.dlq.v1',
  key: topicNameSchema,
  value: deadLetterSchema,
  keyedBy: 'sourceTopic',
  keyOf: (letter) => letter.sourceTopic,
});
