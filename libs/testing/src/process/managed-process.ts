import { type ChildProcess, spawn } from 'node:child_process';
import { Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';

import { OutputTail } from './output-tail';

/** How a child process ended. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ManagedProcessOptions {
  /** Whether stdout is protocol the caller reads (`'pipe'`) or log output for the tail (`'tail'`). */
  readonly stdout: 'pipe' | 'tail';
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** A test process that crashes or forgets stop() must not leave servers behind. */
function installExitHook(): void {
  if (exitHookInstalled) {
    return;
  }
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) {
      child.kill('SIGKILL');
    }
  });
}

function unref(stream: Readable | Writable | null): void {
  if (stream instanceof Socket) {
    stream.unref();
  }
}

/**
 * A spawned server process: its stderr (and stdout when it is only logs) is drained into a bounded tail,
 * it is SIGKILLed if the test process exits first, and it never keeps the event loop alive by itself.
 */
export class ManagedProcess {
  readonly tail = new OutputTail();
  readonly exited: Promise<ProcessExit>;
  private exit: ProcessExit | undefined;

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly pid: number,
  ) {
    this.exited = new Promise((resolve) => {
      // 'close' comes after 'exit' once stdio is drained, so the tail is complete by then.
      child.once('close', (code, signal) => {
        live.delete(child);
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
  }

  /** Spawns `command` and resolves once the OS has started it (rejects if it cannot be started). */
  static start(
    command: string,
    args: readonly string[],
    options: ManagedProcessOptions,
  ): Promise<ManagedProcess> {
    installExitHook();
    const child = spawn(command, args, { stdio: 'pipe' });
    return new Promise((resolve, reject) => {
      child.once('error', (error) => reject(new Error(`${command}: could not start: ${error.message}`)));
      child.once('spawn', () => {
        if (child.pid === undefined) {
          reject(new Error(`${command}: started without a PID`));
          return;
        }
        live.add(child);
        const managed = new ManagedProcess(command, child, child.pid);
        const tail = (chunk: string): void => managed.tail.append(chunk);
        // Without listeners these would throw, e.g. EPIPE when writing to a process that just died.
        const note = (error: Error): void => managed.tail.append(`\n[${command}: ${error.message}]\n`);
        child.on('error', note);
        child.stdin?.on('error', note);
        child.stderr?.setEncoding('utf8').on('data', tail);
        if (options.stdout === 'tail') {
          child.stdout?.setEncoding('utf8').on('data', tail);
        }
        child.unref();
        unref(child.stdin);
        unref(child.stdout);
        unref(child.stderr);
        resolve(managed);
      });
    });
  }

  get hasExited(): boolean {
    return this.exit !== undefined;
  }

  /** For error messages: how the process ended (if it did) and the tail of its output. */
  describe(): string {
    const status = this.exit
      ? `exited (code ${String(this.exit.code)}, signal ${String(this.exit.signal)})`
      : `running as PID ${this.pid}`;
    const tail = this.tail.toString().trim();
    return `${this.name} ${status}; output tail:\n${tail === '' ? '(empty)' : tail}`;
  }

  /** Sends `signal`, then waits for the exit (SIGKILL after `graceMs`). */
  terminate(signal: NodeJS.Signals = 'SIGTERM', graceMs = 5_000): Promise<ProcessExit> {
    if (!this.hasExited) {
      this.child.kill(signal);
    }
    return this.waitForExit(graceMs);
  }

  /** Waits for the exit; SIGKILLs the process if it is still running after `graceMs`. */
  waitForExit(graceMs: number): Promise<ProcessExit> {
    if (this.exit) {
      return Promise.resolve(this.exit);
    }
    const kill = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    // The child and its pipes are unref'd, so something else must keep Node alive while waiting.
    const keepAlive = setInterval(() => undefined, 60_000);
    return this.exited.finally(() => {
      clearTimeout(kill);
      clearInterval(keepAlive);
    });
  }
}
