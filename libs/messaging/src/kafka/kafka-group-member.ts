import { Consumer, EachBatchPayload } from 'kafkajs';
import {
  ConsumerHandle,
  MessagingLogger,
  RawMessageHandler,
  TopicPartition,
} from '../transport/transport.types';
import { ConsumerLiveness } from './consumer-liveness';
import { KafkaPartitionWorker } from './kafka-partition-worker';
import { OffsetCommitter } from './offset-committer';
import { RebalanceGate } from './rebalance-gate';

const key = (topic: string, partition: number): string => `${topic}:${partition}`;

/**
 * The Sift side of one kafkajs consumer: fetched batches go to one worker per partition and the fetch
 * loop moves on (the partition is paused until its worker has drained), handled offsets are committed in
 * order, and the group's rebalances revoke workers of partitions that moved to another member.
 */
export class KafkaGroupMember {
  private readonly workers = new Map<string, KafkaPartitionWorker>();
  private readonly retiring = new Map<string, Promise<void>>();
  private assigned = new Map<string, TopicPartition>();
  private readonly gate = new RebalanceGate();
  private readonly committer: OffsetCommitter;
  private stopping = false;

  constructor(
    private readonly consumer: Consumer,
    private readonly handler: RawMessageHandler,
    private readonly liveness: ConsumerLiveness,
    private readonly logger: MessagingLogger,
    /** Topics a new group starts reading at their end. */
    private readonly latestTopics: ReadonlySet<string> = new Set(),
  ) {
    this.committer = new OffsetCommitter(
      (offsets) => consumer.commitOffsets([...offsets]),
      (topic, partition) => this.assigned.has(key(topic, partition)),
      logger,
    );
    const { events } = consumer;
    consumer.on(events.GROUP_JOIN, ({ payload }) => this.joined(payload.memberAssignment));
    consumer.on(events.REBALANCING, () => this.rebalancing());
    consumer.on(events.HEARTBEAT, () => liveness.contact());
    consumer.on(events.COMMIT_OFFSETS, () => liveness.contact());
    consumer.on(events.CRASH, ({ payload }) => this.crashed(payload.error, payload.restart));
  }

  readonly eachBatch = async ({ batch, pause, isStale }: EachBatchPayload): Promise<void> => {
    if (this.stopping || isStale() || batch.isEmpty()) return;
    // A batch fetched in a generation that has since given the partition to another member.
    if (!this.assigned.has(key(batch.topic, batch.partition))) return;
    const fresh = !this.workers.has(key(batch.topic, batch.partition));
    const worker = this.workerFor(batch.topic, batch.partition);
    if (fresh && this.latestTopics.has(batch.topic)) {
      // kafkajs resolves "latest" anew on every join until the group has committed: commit where this
      // member started, so a rebalance before its first handled message cannot skip what came in between.
      const { topic, partition } = batch;
      this.committer.mark({ topic, partition, offset: batch.messages[0].offset });
    }
    worker.enqueue(batch.messages);
    // kafkajs resolves the batch's last offset after this returns, so the next fetch starts past it.
    if (worker.backlog > 0) pause();
  };

  handle(): ConsumerHandle {
    return {
      assignment: () => (this.gate.closed ? [] : [...this.assigned.values()]),
      health: () => this.liveness.health(),
      onFailure: (listener) => this.liveness.onFailure(listener),
      stop: () => this.stop(),
    };
  }

  /** Stops fetching, lets the messages in flight finish (their signal fires), commits, leaves the group. */
  private async stop(): Promise<void> {
    this.stopping = true;
    this.gate.open();
    for (const worker of this.workers.values()) worker.revoke('the consumer is stopping');
    const running = [...this.workers.values()].map((worker) => worker.idle);
    await Promise.all([...running, ...this.retiring.values()]);
    await this.committer.flush();
    await this.consumer.disconnect();
  }

  private workerFor(topic: string, partition: number): KafkaPartitionWorker {
    const id = key(topic, partition);
    const existing = this.workers.get(id);
    if (existing && !existing.revoked) return existing;
    const epoch = this.committer.epochOf(topic, partition);
    const worker = new KafkaPartitionWorker(
      topic,
      partition,
      this.handler,
      {
        // What a worker finishes after its partition moved away is not committed: the next owner has it.
        handled: (offset) => {
          if (this.committer.epochOf(topic, partition) === epoch)
            this.committer.mark({ topic, partition, offset });
        },
        drained: () => this.resume(topic, partition),
        mayStart: () => this.gate.passed(),
      },
      this.retiring.get(id),
    );
    this.workers.set(id, worker);
    return worker;
  }

  private joined(memberAssignment: Record<string, number[]>): void {
    const assigned = new Map<string, TopicPartition>();
    for (const [topic, partitions] of Object.entries(memberAssignment)) {
      for (const partition of partitions) assigned.set(key(topic, partition), { topic, partition });
    }
    for (const [id, worker] of this.workers) {
      if (!assigned.has(id)) this.retire(id, worker, `partition ${id} was assigned to another member`);
    }
    this.assigned = assigned;
    // Pauses survive a rebalance in kafkajs: only partitions with a backlog stay paused.
    for (const { topic, partition } of assigned.values()) {
      if ((this.workers.get(key(topic, partition))?.backlog ?? 0) > 0) this.pause(topic, partition);
      else this.resume(topic, partition);
    }
    this.liveness.joined();
    this.gate.open();
    this.committer.retry();
  }

  /**
   * kafkajs left the group when it crashed: every partition may already be someone else's. Nothing queued
   * starts any more; a restart joins again and gets its partitions back through GROUP_JOIN.
   */
  private crashed(error: unknown, restarting: boolean): void {
    this.liveness.crashed(error, restarting);
    this.gate.close();
    for (const [id, worker] of this.workers)
      this.retire(id, worker, `the consumer crashed: ${String(error)}`);
    this.assigned = new Map();
    if (!restarting) this.committer.abandon();
  }

  private retire(id: string, worker: KafkaPartitionWorker, reason: string): void {
    worker.revoke(reason);
    const idle = worker.idle;
    this.retiring.set(id, idle);
    void idle.then(() => this.retiring.get(id) === idle && this.retiring.delete(id));
    this.workers.delete(id);
    this.committer.forget(worker.topic, worker.partition);
  }

  private rebalancing(): void {
    this.liveness.rebalanceStarted();
    this.gate.close();
  }

  private pause(topic: string, partition: number): void {
    this.call(() => this.consumer.pause([{ topic, partitions: [partition] }]));
  }

  private resume(topic: string, partition: number): void {
    if (this.stopping || !this.assigned.has(key(topic, partition))) return;
    this.call(() => this.consumer.resume([{ topic, partitions: [partition] }]));
  }

  /** kafkajs refuses pause/resume while it restarts after a crash; the next join sets them again. */
  private call(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.logger.debug(`pause/resume skipped: ${String(error)}`);
    }
  }
}
