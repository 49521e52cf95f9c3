import { ConsumerObserver } from '@sift/messaging';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * One registry per service, so several services can run in one process (the embedded mode) without
 * their metrics colliding. Also the consumer observer that feeds the message metrics.
 */
export class ServiceMetrics implements ConsumerObserver {
  readonly registry = new Registry();
  private readonly consumedTotal: Counter<'topic'>;
  private readonly failedTotal: Counter<'topic' | 'code'>;
  private readonly deadLetteredTotal: Counter<'topic' | 'code'>;
  private readonly handlerSeconds: Histogram<'topic'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.consumedTotal = new Counter({
      name: 'sift_messages_consumed_total',
      help: 'Messages taken off a topic by this service',
      labelNames: ['topic'],
      registers,
    });
    this.failedTotal = new Counter({
      name: 'sift_messages_failed_total',
      help: 'Handler attempts that failed (retried or dead-lettered afterwards)',
      labelNames: ['topic', 'code'],
      registers,
    });
    this.deadLetteredTotal = new Counter({
      name: 'sift_messages_dead_lettered_total',
      help: 'Messages sent to sift.dlq.v1',
      labelNames: ['topic', 'code'],
      registers,
    });
    this.handlerSeconds = new Histogram({
      name: 'sift_handler_duration_seconds',
      help: 'Time from taking a message to committing it, retries included',
      labelNames: ['topic'],
      buckets: [0.005, 0.025, 0.1, 0.5, 1, 2.5, 5, 15, 30, 60, 180],
      registers,
    });
  }

  consumed(topic: string): void {
    this.consumedTotal.inc({ topic });
  }

  failed(topic: string, code: string): void {
    this.failedTotal.inc({ topic, code });
  }

  deadLettered(topic: string, code: string): void {
    this.deadLetteredTotal.inc({ topic, code });
  }

  handled(topic: string, seconds: number): void {
    this.handlerSeconds.observe({ topic }, seconds);
  }
}
