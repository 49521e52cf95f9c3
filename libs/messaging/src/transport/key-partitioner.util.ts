import { Partitioners } from 'kafkajs';

const kafkaDefaultPartitioner = Partitioners.DefaultPartitioner();

/** The partition Kafka's default (murmur2, Java-compatible) partitioner picks for a key. */
export function partitionForKey(topic: string, key: string, partitionCount: number): number {
  const partitionMetadata = Array.from({ length: partitionCount }, (_, partitionId) => ({
    partitionId,
    partitionErrorCode: 0,
    leader: 0,
    replicas: [0],
    isr: [0],
  }));
  return kafkaDefaultPartitioner({ topic, partitionMetadata, message: { key, value: null } });
}
