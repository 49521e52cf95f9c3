import { dlqTopic } from '@sift/contracts';
import { TypedPublisher } from '../publisher/typed-publisher';
import { FailedDelivery, DeadLetterSink } from './dead-letter.types';

/** Sends dead letters to `sift.dlq.v1` with the original bytes, the reason and where they came from. */
export class DeadLetterPublisher implements DeadLetterSink {
  constructor(private readonly publisher: TypedPublisher) {}

  async send(letter: FailedDelivery): Promise<void> {
    const { message } = letter;
    await this.publisher.publish(dlqTopic, message.topic, {
      sourceTopic: message.topic,
      partition: message.partition,
      offset: message.offset,
      consumerGroup: letter.consumerGroup,
      key: message.key?.toString('utf8') ?? null,
      valueBase64: message.value?.toString('base64') ?? null,
      reason: letter.reason,
      errorCode: letter.code,
      attempts: letter.attempts,
      failedAt: new Date().toISOString(),
    });
  }
}
