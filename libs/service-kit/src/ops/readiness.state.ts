/** What a readiness probe reports. */
export interface Readiness {
  readonly ready: boolean;
  readonly reason: string;
}

/**
 * Ready once the consumer runs and while it stays healthy (connected to its brokers, not crashed); not
 * ready again as soon as shutdown begins, so traffic drains first.
 */
export class ReadinessState {
  private phase: 'starting' | 'running' | 'stopping' = 'starting';
  private probe: () => Readiness = () => ({ ready: true, reason: 'consuming' });

  /** Asks `probe` on every readiness check while the service runs (the consumer's health). */
  watch(probe: () => Readiness): void {
    this.probe = probe;
  }

  markReady(): void {
    if (this.phase === 'starting') this.phase = 'running';
  }

  markStopping(): void {
    this.phase = 'stopping';
  }

  get status(): Readiness {
    if (this.phase === 'starting') return { ready: false, reason: 'starting' };
    if (this.phase === 'stopping') return { ready: false, reason: 'shutting down' };
    return this.probe();
  }
}
