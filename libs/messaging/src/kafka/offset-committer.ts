import { errorMessage, failureKind } from '@sift/errors';
import { setTimeout as sleep } from 'node:timers/promises';
import { MessagingLogger } from '../transport/transport.types';

export interface OffsetToCommit {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

interface PendingOffset extends OffsetToCommit {
  /** The partition's epoch when the offset was handled: a forgotten partition's offsets never come back. */
  readonly epoch: number;
}

const RETRY_PAUSE_MS = 200;

/**
 * Commits handled offsets as soon as they are handled, coalescing whatever piles up while a commit is on
 * its way into the next one. A commit that fails (mostly: a rebalance) is retried for the partitions
 * still assigned; the others are left to their next owner, who reads from the last committed offset.
 */
export class OffsetCommitter {
  private readonly pending = new Map<string, PendingOffset>();
  private readonly epochs = new Map<string, number>();
  private flushing?: Promise<void>;
  private closing = false;

  constructor(
    private readonly commit: (offsets: readonly OffsetToCommit[]) => Promise<void>,
    private readonly isAssigned: (topic: string, partition: number) => boolean,
    private readonly logger: MessagingLogger,
  ) {}

  mark(offset: OffsetToCommit): void {
    const id = `${offset.topic}:${offset.partition}`;
    this.pending.set(id, { ...offset, epoch: this.epochs.get(id) ?? 0 });
    this.retry();
  }

  /** Commits what is pending for assigned partitions (after a rebalance settled). */
  retry(): void {
    this.flushing ??= this.run().finally(() => (this.flushing = undefined));
  }

  /** Drops what is pending for a partition that moved away; what its old worker still marks is ignored. */
  forget(topic: string, partition: number): void {
    const id = `${topic}:${partition}`;
    this.pending.delete(id);
    this.epochs.set(id, (this.epochs.get(id) ?? 0) + 1);
  }

  /** Whether an offset marked now for the partition would be committed (it was not forgotten since). */
  epochOf(topic: string, partition: number): number {
    return this.epochs.get(`${topic}:${partition}`) ?? 0;
  }

  /** Commits what is pending now, one attempt, no retries: for a graceful stop. */
  async flush(): Promise<void> {
    this.closing = true;
    await this.flushing;
    const offsets = this.take();
    if (offsets.length > 0)
      await this.commit(offsets.map(withoutEpoch)).catch((error: unknown) => this.failed(error));
  }

  /** Gives up on everything pending (the consumer is gone); its messages are read again by their next owner. */
  abandon(): void {
    this.closing = true;
    this.pending.clear();
  }

  private async run(): Promise<void> {
    if (this.closing) return;
    for (;;) {
      const offsets = this.take();
      if (offsets.length === 0) return;
      try {
        await this.commit(offsets.map(withoutEpoch));
      } catch (error) {
        this.failed(error);
        if (this.closing || failureKind(error) === 'fatal') return;
        // Put back what no newer offset replaced and was not forgotten, then let the group settle.
        for (const offset of offsets) {
          const key = `${offset.topic}:${offset.partition}`;
          const current = (this.epochs.get(key) ?? 0) === offset.epoch;
          if (current && !this.pending.has(key)) this.pending.set(key, offset);
        }
        await sleep(RETRY_PAUSE_MS);
      }
    }
  }

  /** Takes what may be committed now; offsets of partitions not (or no longer) assigned stay pending. */
  private take(): PendingOffset[] {
    const offsets = [...this.pending.entries()].filter(([, o]) => this.isAssigned(o.topic, o.partition));
    offsets.forEach(([id]) => this.pending.delete(id));
    return offsets.map(([, offset]) => offset);
  }

  private failed(error: unknown): void {
    this.logger.debug(`offset commit failed (the messages will be read again): ${errorMessage(error)}`);
  }
}

function withoutEpoch({ topic, partition, offset }: PendingOffset): OffsetToCommit {
  return { topic, partition, offset };
}
