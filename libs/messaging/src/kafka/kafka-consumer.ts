import { IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import {
  ConsumerHandle,
  RawMessage,
  RawMessageHandler,
  SubscribeOptions,
  TopicPartition,
} from '../transport/transport.types';
import { KAFKA_TIMING_DEFAULTS } from './kafka-transport.options';

type KafkaTiming = { -readonly [K in keyof typeof KAFKA_TIMING_DEFAULTS]: number };

/**
 * A kafkajs consumer group member. Offsets are resolved only after the handler resolved, so a crash
 * redelivers (at-least-once). A pacemaker heartbeats while a handler runs, so a slow clip or model call
 * does not get the member thrown out of the group and trigger a rebalance storm.
 */
export async function startKafkaConsumer(
  kafka: Kafka,
  options: SubscribeOptions,
  timing: KafkaTiming,
  handler: RawMessageHandler,
): Promise<ConsumerHandle> {
  const consumer = kafka.consumer({
    groupId: options.groupId,
    sessionTimeout: timing.sessionTimeoutMs,
    heartbeatInterval: timing.heartbeatIntervalMs,
    rebalanceTimeout: timing.rebalanceTimeoutMs,
    maxWaitTimeInMs: timing.maxWaitTimeMs,
  });
  let assignment: TopicPartition[] = [];
  consumer.on(consumer.events.REBALANCING, () => (assignment = []));
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    assignment = Object.entries(payload.memberAssignment).flatMap(([topic, partitions]) =>
      partitions.map((partition) => ({ topic, partition })),
    );
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [...options.topics], fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: Math.max(1, options.concurrency),
    eachMessage: async ({ topic, partition, message, heartbeat }) => {
      const pacemaker = setInterval(() => heartbeat().catch(() => undefined), timing.heartbeatIntervalMs);
      try {
        await handler(toRawMessage(topic, partition, message), { heartbeat });
      } finally {
        clearInterval(pacemaker);
      }
    },
  });
  return {
    assignment: () => assignment,
    stop: async () => {
      await consumer.disconnect();
      assignment = [];
    },
  };
}

function toRawMessage(topic: string, partition: number, message: KafkaMessage): RawMessage {
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
