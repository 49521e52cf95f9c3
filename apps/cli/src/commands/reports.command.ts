import { ReportV1 } from '@sift/contracts';
import { Command, InvalidArgumentError, Option } from 'commander';
import { setTimeout as sleep } from 'node:timers/promises';
import { ClusterOptions, kafkaTransport, redisStore } from '../runtime/kafka-options';
import { cliLogger } from '../runtime/quiet-logger';
import { followReports } from '../runtime/report-waiter';

interface ReportsOptions extends ClusterOptions {
  readonly reportId?: string;
  readonly follow?: boolean;
  readonly timeout: number;
}

export function reportsCommand(): Command {
  return new Command('reports')
    .description('print finished reports from sift.reports.v1, one JSON document per line')
    .requiredOption('--brokers <list>', 'Kafka bootstrap brokers, host:port[,host:port]')
    .option('--redis <url>', 'state store, to load reports published by reference (default: REDIS_URL)')
    .option('--report-id <id>', 'only this report; exits once it has been printed')
    .option('-f, --follow', 'keep following, and print progress to stderr')
    .addOption(
      new Option(
        '--timeout <seconds>',
        'give up after this long without the report (or without any new report)',
      )
        .default(600)
        .argParser(positiveSeconds),
    )
    .action(async (options: ReportsOptions) => {
      const transport = kafkaTransport(options);
      const store = redisStore(options, process.env);
      let lastSeen = Date.now();
      let found = false;
      const print = (report: ReportV1): void => {
        process.stdout.write(`${JSON.stringify(report)}\n`);
        lastSeen = Date.now();
        found ||= report.reportId === options.reportId;
      };
      const consumer = await followReports({
        transport,
        store,
        reportId: options.reportId,
        logger: cliLogger('sift'),
        onReport: print,
        onProgress: (progress) => {
          if (!options.follow) return;
          const { expected, succeeded, failed } = progress.counts;
          process.stderr.write(
            `${progress.reportId} ${progress.stage} ${succeeded + failed}/${expected} (${failed} failed)\n`,
          );
        },
      });
      const timeoutMs = options.timeout * 1000;
      const idle = options.reportId ? timeoutMs : Math.min(timeoutMs, 5_000);
      while (options.follow || (!found && Date.now() - lastSeen < idle)) await sleep(100);
      await consumer.stop();
      await transport.close();
      await store?.close();
      if (options.reportId && !found) {
        process.stderr.write(`sift: report ${options.reportId} did not arrive within ${options.timeout} s\n`);
        process.exitCode = 1;
      }
    });
}

function positiveSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new InvalidArgumentError('expected a positive number of seconds');
  return seconds;
}
