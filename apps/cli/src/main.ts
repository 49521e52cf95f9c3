import 'reflect-metadata';
import { createSiftProgram } from './sift.program';

createSiftProgram()
  .parseAsync(process.argv)
  .then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      process.stderr.write(`sift: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
