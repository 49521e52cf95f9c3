import { Command, InvalidArgumentError } from 'commander';
import { resolve } from 'node:path';
import { formatBatchSummary } from '../output/batch-summary.util';
import { recordFixtureBatch } from '../recorder/fixture-batch.recorder';

interface RecordFixturesOptions {
  readonly sessions: number;
  readonly seed: number;
  readonly out: string;
  readonly concurrency: number;
  readonly stretch: number;
  readonly shopUrl?: string;
}

/** `npm run fixtures -- --sessions 24 --seed 3 --out <dir>`: records a fresh labeled batch in Chromium. */
export function recordFixturesProgram(): Command {
  return new Command('record-fixtures')
    .description('record a labeled batch of demo-shop sessions (analytics events + rrweb) in real Chromium')
    .requiredOption('--sessions <n>', 'number of sessions', positiveInt)
    .requiredOption('--seed <n>', 'seed: the same seed and count plan the same sessions', nonNegativeInt)
    .requiredOption('--out <dir>', 'output folder: receives batch/ and labels.json')
    .option('--concurrency <n>', 'pages recording at once', positiveInt, 2)
    .option('--stretch <factor>', 'session time = real time × factor', positiveNumber, 5)
    .option('--shop-url <url>', 'use a shop already running there instead of starting one')
    .action(async (options: RecordFixturesOptions) => {
      const out = resolve(options.out);
      const result = await recordFixtureBatch({
        ...options,
        out,
        log: (line) => process.stderr.write(`${line}\n`),
      });
      process.stdout.write(
        formatBatchSummary(result.labels, {
          out,
          bytes: result.written.bytes,
          wallMs: result.wallMs,
          concurrency: options.concurrency,
        }),
      );
    });
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  return n;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number ≥ 0');
  return n;
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a number > 0');
  return n;
}

if (require.main === module) {
  recordFixturesProgram()
    .parseAsync(process.argv)
    .then(
      () => process.exit(process.exitCode ?? 0),
      (error: unknown) => {
        process.stderr.write(`record-fixtures: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
}
