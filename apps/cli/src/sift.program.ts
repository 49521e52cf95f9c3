import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeCommand } from './commands/analyze.command';
import { publishCommand } from './commands/publish.command';
import { reportsCommand } from './commands/reports.command';

const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  version: string;
};

/** The `sift` command line: one module per command under `commands/`. */
export function createSiftProgram(): Command {
  return new Command('sift')
    .description(
      'Sift reads batches of recorded user sessions and reports the recurring problems that hurt users.',
    )
    .version(version)
    .showHelpAfterError()
    .addCommand(analyzeCommand())
    .addCommand(publishCommand())
    .addCommand(reportsCommand());
}
