import { errorMessage } from '@sift/errors';
import { setTimeout as sleep } from 'node:timers/promises';
import { MessagingLogger } from '../transport/transport.types';

export interface OffsetToCommit {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

const RETRY_PAUSE_MS = 200;

/**
 * Commits handled offsets as soon as they are handled, coalescing whatever piles up while a commit is on
 * its way into the next one. A commit that fails (mostly: a rebalance) is retried for the partitions
 * still assigned; the others are left to their next owner, who reads from the last committed offset.
 */
export class OffsetCommitter {
  private readonly pending = new Map<string, OffsetToCommit>();
  private flushing?: Promise<void>;

  constructor(
    private readonly commit: (offsets: OffsetToCommit[]) => Promise<void>,
    private readonly isAssigned: (topic: string, partition: number) => boolean,
    private readonly logger: MessagingLogger,
  ) {}

  mark(offset: OffsetToCommit): void {
    this.pending.set(`${offset.topic}:${offset.partition}`, offset);
    this.retry();
  }

  /** Commits what is pending for assigned partitions (after a rebalance settled). */
  retry(): void {
    this.flushing ??= this.run().finally(() => (this.flushing = undefined));
  }

  forget(topic: string, partition: number): void {
    this.pending.delete(`${topic}:${partition}`);
  }

  /** Commits what is pending now (once, no retries): for a graceful stop. */
  async flush(): Promise<void> {
    await this.flushing;
    const offsets = this.take();
    if (offsets.length > 0) await this.commit(offsets).catch((error: unknown) => this.failed(error));
  }

  private async run(): Promise<void> {
    for (;;) {
      const offsets = this.take();
      if (offsets.length === 0) return;
      try {
        await this.commit(offsets);
      } catch (error) {
        this.failed(error);
        // Put back what no newer offset replaced, then give the group a moment to settle.
        for (const offset of offsets) {
          const key = `${offset.topic}:${offset.partition}`;
          if (!this.pending.has(key)) this.pending.set(key, offset);
        }
        await sleep(RETRY_PAUSE_MS);
      }
    }
  }

  /** Takes what may be committed now; offsets of partitions not (or no longer) assigned stay pending. */
  private take(): OffsetToCommit[] {
    const offsets = [...this.pending.entries()].filter(([, o]) => this.isAssigned(o.topic, o.partition));
    offsets.forEach(([id]) => this.pending.delete(id));
    return offsets.map(([, offset]) => offset);
  }

  private failed(error: unknown): void {
    this.logger.debug(`offset commit failed (the messages will be read again): ${errorMessage(error)}`);
  }
}
