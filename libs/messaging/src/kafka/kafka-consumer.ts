import { Kafka } from 'kafkajs';
import {
  ConsumerHandle,
  MessagingLogger,
  RawMessageHandler,
  SubscribeOptions,
} from '../transport/transport.types';
import { ConsumerLiveness } from './consumer-liveness';
import { KafkaGroupMember } from './kafka-group-member';
import { contactTimeoutMs, KafkaTiming } from './kafka-transport.options';

/**
 * A kafkajs consumer group member. Offsets are committed only after the handler resolved, so a crash
 * redelivers (at-least-once). Handling runs apart from kafkajs' fetch loop, which keeps fetching the
 * other partitions and heartbeating while a slow clip or model call is in flight.
 */
export async function startKafkaConsumer(
  kafka: Kafka,
  options: SubscribeOptions,
  timing: KafkaTiming,
  handler: RawMessageHandler,
  logger: MessagingLogger,
): Promise<ConsumerHandle> {
  const consumer = kafka.consumer({
    groupId: options.groupId,
    sessionTimeout: timing.sessionTimeoutMs,
    heartbeatInterval: timing.heartbeatIntervalMs,
    rebalanceTimeout: timing.rebalanceTimeoutMs,
    maxWaitTimeInMs: timing.maxWaitTimeMs,
  });
  const latest = options.topics.filter((topic) => options.startAt?.[topic] === 'latest');
  const earliest = options.topics.filter((topic) => !latest.includes(topic));
  const liveness = new ConsumerLiveness(contactTimeoutMs(timing));
  const member = new KafkaGroupMember(consumer, handler, liveness, logger, new Set(latest));
  try {
    await consumer.connect();
    if (earliest.length > 0) await consumer.subscribe({ topics: earliest, fromBeginning: true });
    if (latest.length > 0) await consumer.subscribe({ topics: latest, fromBeginning: false });
    await consumer.run({ autoCommit: false, eachBatch: member.eachBatch });
  } catch (error) {
    await consumer.disconnect().catch(() => undefined);
    throw error;
  }
  return member.handle();
}
