import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  version: string;
};

/** The `sift` command line. Each command lives in its own module under `commands/`. */
export function createSiftProgram(): Command {
  return new Command('sift')
    .description(
      'Sift reads batches of recorded user sessions and reports the recurring problems that hurt users.',
    )
    .version(version)
    .showHelpAfterError();
}
