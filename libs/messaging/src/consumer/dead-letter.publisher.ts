import { dlqTopic } from '@sift/contracts';
import { cappedText } from '@sift/errors';
import { TypedPublisher } from '../publisher/typed-publisher';
import { FailedDelivery, DeadLetterSink } from './dead-letter.types';

/** Values above this are left out of the letter: base64 plus the envelope must stay under Kafka's 1 MB. */
export const MAX_DEAD_LETTER_VALUE_BYTES = 512 * 1024;
/** A reason longer than this keeps its first lines (the first errors) and says how many more there were. */
export const MAX_DEAD_LETTER_REASON_BYTES = 8 * 1024;

/** Sends dead letters to `sift.dlq.v1` with the original bytes, the reason and where they came from. */
export class DeadLetterPublisher implements DeadLetterSink {
  constructor(private readonly publisher: TypedPublisher) {}

  async send(letter: FailedDelivery): Promise<void> {
    const { message } = letter;
    const size = message.value?.length ?? 0;
    const keepsValue = size <= MAX_DEAD_LETTER_VALUE_BYTES;
    await this.publisher.publish(dlqTopic, message.topic, {
      sourceTopic: message.topic,
      partition: message.partition,
      offset: message.offset,
      consumerGroup: letter.consumerGroup,
      key: message.key?.toString('utf8') ?? null,
      valueBase64: keepsValue ? (message.value?.toString('base64') ?? null) : null,
      reason: cappedText(
        keepsValue
          ? letter.reason
          : `(the original ${size}-byte value is too large to copy here; read it at the source offset) ${letter.reason}`,
        MAX_DEAD_LETTER_REASON_BYTES,
      ),
      errorCode: letter.code,
      attempts: letter.attempts,
      failedAt: new Date().toISOString(),
    });
  }
}
