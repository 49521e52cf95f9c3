import { Injectable } from '@nestjs/common';

/**
 * Runs one report's state changes one after another within this process: the consumers of two topics
 * and the deadline sweeper may otherwise interleave on the same report.
 */
@Injectable()
export class ReportLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(reportId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(reportId) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(reportId, tail);
    try {
      return await result;
    } finally {
      if (this.tails.get(reportId) === tail) this.tails.delete(reportId);
    }
  }
}
