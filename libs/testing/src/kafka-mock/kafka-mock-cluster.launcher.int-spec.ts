import { type Consumer, Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';

import { startKafkaMock, type KafkaMockCluster } from '../index';

const TOPIC = 'sift.harness-check.v1';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface Received {
  readonly key: string;
  readonly partition: number;
}

/** Runs a fresh consumer group from the beginning of `topic` until `count` messages have arrived. */
async function consume(kafka: Kafka, topic: string, count: number, groupId: string): Promise<Received[]> {
  // A short fetch wait keeps disconnect() fast: it waits for the in-flight fetch (default 5 s).
  const consumer: Consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  const received: Received[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`got ${received.length}/${count} messages`)), 20_000);
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            received.push({ key: message.key?.toString() ?? '', partition });
            if (received.length === count) {
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
  return received;
}

describe('startKafkaMock', () => {
  let cluster: KafkaMockCluster;
  let kafka: Kafka;
  let producer: Producer;

  beforeAll(async () => {
    cluster = await startKafkaMock({ brokers: 3, topics: [{ name: TOPIC, partitions: 6 }] });
    kafka = new Kafka({ clientId: 'harness-check', brokers: cluster.brokers, logLevel: logLevel.NOTHING });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await cluster?.stop();
    expect(isRunning(cluster.pid)).toBe(false);
  });

  it('reports one 127.0.0.1 listener per broker', () => {
    expect(cluster.brokers).toHaveLength(3);
    expect(cluster.bootstrapServers).toBe(cluster.brokers.join(','));
    for (const broker of cluster.brokers) {
      expect(broker).toMatch(/^127\.0\.0\.1:\d+$/);
    }
  });

  it('carries keyed messages from a kafkajs producer to a consumer group across all partitions', async () => {
    const messages = Array.from({ length: 100 }, (_, index) => ({
      key: `key-${index}`,
      value: `value-${index}`,
    }));
    await producer.send({ topic: TOPIC, messages });

    const received = await consume(kafka, TOPIC, 100, 'harness-check-group');

    expect(new Set(received.map((message) => message.key)).size).toBe(100);
    expect(new Set(received.map((message) => message.partition)).size).toBe(6);

    const admin = kafka.admin();
    await admin.connect();
    try {
      const [committed] = await admin.fetchOffsets({ groupId: 'harness-check-group', topics: [TOPIC] });
      const total = committed.partitions.reduce((sum, partition) => sum + Number(partition.offset), 0);
      expect(total).toBe(100);
    } finally {
      await admin.disconnect();
    }
  });

  it('creates topics at runtime', async () => {
    const topic = 'sift.harness-runtime.v1';
    await cluster.createTopic(topic, 2);
    await expect(cluster.createTopic(topic, 2)).rejects.toThrow(/already exists/i);

    await producer.send({
      topic,
      messages: [
        { key: 'a', value: '1' },
        { key: 'b', value: '2' },
      ],
    });
    const received = await consume(kafka, topic, 2, 'harness-runtime-group');
    expect(received.map((message) => message.key).sort()).toEqual(['a', 'b']);
  });

  it('takes a broker down and up again', async () => {
    await cluster.brokerDown(1);
    await cluster.brokerUp(1);
    await expect(cluster.brokerDown(4)).rejects.toThrow(/broker ids are 1\.\.3/);

    const toAll = Array.from({ length: 6 }, (_, partition) => ({ partition, value: 'after-up' }));
    const results = await producer.send({ topic: TOPIC, messages: toAll });
    expect(results.map((result) => result.errorCode)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("makes a downed broker's partitions unavailable until it is up again", async () => {
    const admin = kafka.admin();
    await admin.connect();
    const metadata = await admin.fetchTopicMetadata({ topics: [TOPIC] });
    await admin.disconnect();
    // The mock places leaders randomly, so the victim is whichever broker leads partition 0.
    const partitions = metadata.topics[0].partitions;
    const victim = partitions[0].leader;
    const ledByVictim = partitions
      .filter((partition) => partition.leader === victim)
      .map((partition) => ({ partition: partition.partitionId, value: 'while-down' }));

    const impatient = kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: 1, initialRetryTime: 50, maxRetryTime: 100 },
    });
    await impatient.connect();
    try {
      await cluster.brokerDown(victim);
      // Leadership does not move in the mock, so these partitions cannot take writes.
      await expect(impatient.send({ topic: TOPIC, messages: ledByVictim })).rejects.toThrow(/ECONNREFUSED/);

      await cluster.brokerUp(victim);
      const results = await impatient.send({ topic: TOPIC, messages: ledByVictim });
      expect(results.every((result) => result.errorCode === 0)).toBe(true);
    } finally {
      await impatient.disconnect();
    }
  });
});

describe('startKafkaMock failures and shutdown', () => {
  it('rejects with the launcher stderr when startup fails', async () => {
    const duplicate = { name: 'sift.duplicate.v1', partitions: 1 };
    await expect(startKafkaMock({ topics: [duplicate, duplicate] })).rejects.toThrow(
      /did not start[\s\S]*creating topic sift\.duplicate\.v1 failed/,
    );
  });

  it('rejects invalid options before starting anything', async () => {
    await expect(startKafkaMock({ brokers: 4 })).rejects.toThrow(/brokers must be 1, 2 or 3/);
    await expect(startKafkaMock({ topics: [{ name: 'bad name', partitions: 1 }] })).rejects.toThrow(
      /invalid topic name/,
    );
  });

  it('stop() ends the launcher process', async () => {
    const cluster = await startKafkaMock();
    expect(cluster.brokers).toHaveLength(1);
    expect(isRunning(cluster.pid)).toBe(true);

    await cluster.stop();
    expect(isRunning(cluster.pid)).toBe(false);
    await expect(cluster.brokerDown(1)).rejects.toThrow(/after stop/);
  });
});
