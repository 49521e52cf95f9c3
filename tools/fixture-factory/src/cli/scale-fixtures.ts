import { Command, InvalidArgumentError } from 'commander';
import { scaleBatch } from '../scale/scale-batch.util';

interface ScaleFixturesOptions {
  readonly from: string;
  readonly out: string;
  readonly sessions: number;
  readonly seed: number;
  readonly recordings: number;
  readonly spreadDays: number;
  readonly force?: boolean;
}

const integer =
  (min: number, max: number) =>
  (text: string): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    }
    return value;
  };

const ratio = (text: string): number => {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new InvalidArgumentError('expected 0..1');
  return value;
};

const program = new Command('fixtures:scale')
  .description('synthesize a large batch (new ids, shifted times, carried labels) from a recorded one')
  .requiredOption('--from <dir>', 'recorded fixture folder: <dir>/labels.json and the batch it names')
  .requiredOption('--out <dir>', 'output folder: receives batch/ and labels.json')
  .option('--sessions <n>', 'sessions to generate', integer(1, 20_000), 5000)
  .option('--seed <n>', 'seed: same seed, same output', integer(0, 2 ** 31 - 1), 7)
  .option('--recordings <ratio>', 'fraction of sessions that keep a recording', ratio, 0.1)
  .option('--spread-days <n>', 'spread session starts over this many days', integer(0, 366), 7)
  .option('--force', 'replace an existing <out>/batch')
  .action(async (options: ScaleFixturesOptions) => {
    const result = await scaleBatch(options);
    const seconds = result.totalMs / 1000;
    const megabytes = result.bytesWritten / 1024 / 1024;
    process.stdout.write(
      `wrote ${result.sessions} sessions (${result.withRecording} with recording, ${megabytes.toFixed(1)} MB) ` +
        `to ${result.batchDir}\nlabels: ${result.labelsPath}\n` +
        `wall time ${seconds.toFixed(2)} s (load ${(result.loadMs / 1000).toFixed(2)} s, ` +
        `clear ${(result.clearMs / 1000).toFixed(2)} s, ` +
        `write ${(result.writeMs / 1000).toFixed(2)} s) = ${Math.round(result.sessions / seconds)} sessions/s\n`,
    );
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`fixtures:scale: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
