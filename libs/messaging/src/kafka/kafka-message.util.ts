import { IHeaders, KafkaMessage } from 'kafkajs';
import { RawMessage } from '../transport/transport.types';

export function toRawMessage(topic: string, partition: number, message: KafkaMessage): RawMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key,
    value: message.value,
    headers: decodeHeaders(message.headers),
    timestamp: message.timestamp,
  };
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    decoded[name] = (Array.isArray(value) ? value.join(',') : value).toString();
  }
  return decoded;
}
