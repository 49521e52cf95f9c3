import { ReportProgress } from '@sift/contracts';

/** One self-overwriting status line on a terminal; nothing when output is piped. */
export class ProgressLine {
  private enabled: boolean;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.enabled = Boolean(stream.isTTY);
  }

  update(progress: ReportProgress): void {
    if (!this.enabled) return;
    const { expected, succeeded, failed } = progress.counts;
    const done = succeeded + failed;
    const width = 24;
    const filled = expected > 0 ? Math.round((done / expected) * width) : 0;
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
    this.stream.write(
      `\r${progress.stage.padEnd(20)} [${bar}] ${done}/${expected} (${failed} failed or skipped)`,
    );
  }

  /** Ends the line; updates that arrive later (the final progress message trails the report) are dropped. */
  done(): void {
    if (this.enabled) this.stream.write('\n');
    this.enabled = false;
  }
}
