/** Ready once the consumer runs; not ready again as soon as shutdown begins, so traffic drains first. */
export class ReadinessState {
  private ready = false;
  private reason = 'starting';

  markReady(): void {
    this.ready = true;
    this.reason = 'consuming';
  }

  markStopping(): void {
    this.ready = false;
    this.reason = 'shutting down';
  }

  get status(): { ready: boolean; reason: string } {
    return { ready: this.ready, reason: this.reason };
  }
}
