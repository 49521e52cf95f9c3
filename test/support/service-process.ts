import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface ServiceProcess {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited(): Promise<number | string>;
}

/** Starts `apps/<service>/src/main.ts` as its own Node process, exactly as a deployment would. */
export function spawnService(service: string, env: Record<string, string>): ServiceProcess {
  const child = spawn(
    process.execPath,
    ['-r', join(ROOT, 'tools', 'register-typescript.js'), join(ROOT, 'apps', service, 'src', 'main.ts')],
    { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);
  return { child, output: () => output, exited: () => exit };
}
