/** Holds new work back while the consumer group rebalances; work already running is not affected. */
export class RebalanceGate {
  private waiting?: { promise: Promise<void>; release: () => void };

  get closed(): boolean {
    return this.waiting !== undefined;
  }

  close(): void {
    if (this.waiting) return;
    let release = (): void => undefined;
    const promise = new Promise<void>((resolve) => (release = resolve));
    this.waiting = { promise, release };
  }

  open(): void {
    this.waiting?.release();
    this.waiting = undefined;
  }

  passed(): Promise<void> {
    return this.waiting?.promise ?? Promise.resolve();
  }
}
