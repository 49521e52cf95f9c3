import { InMemoryBroker } from '../in-memory/in-memory.broker';
import { InMemoryTransport } from '../in-memory/in-memory.transport';
import { KafkaTransport } from '../kafka/kafka.transport';
import { KafkaTransportOptions } from '../kafka/kafka-transport.options';
import { MessageTransport, MessagingLogger } from './transport.types';

export type TransportConfig =
  | ({ readonly kind: 'kafka' } & KafkaTransportOptions)
  | { readonly kind: 'memory'; readonly broker?: InMemoryBroker; readonly logger?: MessagingLogger };

export function createTransport(config: TransportConfig): MessageTransport {
  return config.kind === 'kafka' ? new KafkaTransport(config) : new InMemoryTransport(config.broker);
}
