import { batchesTopic, deadLetterSchema, KAFKA_DEFAULT_MAX_MESSAGE_BYTES } from '@sift/contracts';
import { TypedPublisher } from '../publisher/typed-publisher';
import { OutgoingMessage, RawMessage } from '../transport/transport.types';
import { DeadLetterPublisher, MAX_DEAD_LETTER_REASON_BYTES } from './dead-letter.publisher';
import { decodeMessage } from './message-decoder';

function sentLetters(): { publisher: DeadLetterPublisher; sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  const transport = {
    send: async (_topic: string, messages: readonly OutgoingMessage[]) => void sent.push(...messages),
  };
  return { publisher: new DeadLetterPublisher(new TypedPublisher(transport)), sent };
}

function rawBatch(value: unknown): RawMessage {
  return {
    topic: batchesTopic.topic,
    partition: 0,
    offset: '12',
    key: Buffer.from('r-bad'),
    value: Buffer.from(JSON.stringify(value)),
    headers: {},
    timestamp: '0',
  };
}

describe('DeadLetterPublisher', () => {
  it('keeps a letter for a manifest of 10,000 bad sessions far below the 1 MB message limit', async () => {
    const sessions = Array.from({ length: 10_000 }, (_, i) => ({ sessionId: `s-${i}`, events: 42 }));
    const message = rawBatch({ reportId: 'r-bad', sessions });
    const decoded = decodeMessage(message, batchesTopic);
    if (decoded.ok) throw new Error('expected the manifest to be rejected');
    expect(Buffer.byteLength(decoded.reason)).toBeGreaterThan(1_000_000);

    const { publisher, sent } = sentLetters();
    await publisher.send({
      message,
      consumerGroup: 'sift.ingest',
      code: decoded.code,
      reason: decoded.reason,
      attempts: 1,
    });

    const letter = deadLetterSchema.parse(JSON.parse(String(sent[0].value)));
    expect(Buffer.byteLength(letter.reason)).toBeLessThanOrEqual(MAX_DEAD_LETTER_REASON_BYTES);
    expect(letter.reason).toContain('sessions[0].events');
    expect(letter.reason).toMatch(/more lines \(\d+ bytes\) left out$/);
    expect(Buffer.byteLength(String(sent[0].value))).toBeLessThan(KAFKA_DEFAULT_MAX_MESSAGE_BYTES / 2);
  });

  it('leaves an oversized value out and says where to read it', async () => {
    const message = rawBatch({ reportId: 'r-big', padding: 'x'.repeat(600_000) });
    const { publisher, sent } = sentLetters();
    await publisher.send({
      message,
      consumerGroup: 'sift.ingest',
      code: 'SCHEMA_INVALID',
      reason: 'bad',
      attempts: 1,
    });

    const letter = deadLetterSchema.parse(JSON.parse(String(sent[0].value)));
    expect(letter.valueBase64).toBeNull();
    expect(letter.reason).toMatch(/too large to copy here; read it at the source offset\) bad$/);
  });
});
