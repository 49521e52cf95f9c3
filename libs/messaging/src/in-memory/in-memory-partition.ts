import { RawMessage } from '../transport/transport.types';

/** An append-only log with a way to wait for the next message. */
export class InMemoryPartition {
  private readonly log: RawMessage[] = [];
  private waiters: Array<() => void> = [];

  constructor(
    readonly topic: string,
    readonly id: number,
  ) {}

  get endOffset(): number {
    return this.log.length;
  }

  append(key: string, value: Buffer, headers: Readonly<Record<string, string>>): number {
    const offset = this.log.length;
    this.log.push({
      topic: this.topic,
      partition: this.id,
      offset: String(offset),
      key: Buffer.from(key),
      value,
      headers,
      timestamp: String(Date.now()),
    });
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
    return offset;
  }

  at(offset: number): RawMessage | undefined {
    return this.log[offset];
  }

  /** Resolves once a message exists at `offset`, or when `abort` fires. */
  async waitFor(offset: number, abort: AbortSignal): Promise<void> {
    if (offset < this.log.length || abort.aborted) return;
    await new Promise<void>((resolve) => {
      const wake = (): void => {
        abort.removeEventListener('abort', wake);
        this.waiters = this.waiters.filter((waiter) => waiter !== wake);
        resolve();
      };
      this.waiters.push(wake);
      abort.addEventListener('abort', wake, { once: true });
    });
  }
}
