import { createInterface } from 'node:readline';

import type { ManagedProcess } from './managed-process';

interface Waiter {
  resolve(line: string): void;
  reject(error: Error): void;
}

/**
 * Line protocol over a child's stdin/stdout: every command gets exactly one reply line. Commands are
 * serialized so replies cannot be matched to the wrong command.
 */
export class LineCommandChannel {
  private readonly buffered: string[] = [];
  private waiter: Waiter | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private failure: Error | undefined;

  constructor(private readonly target: ManagedProcess) {
    const stdout = target.child.stdout;
    if (stdout === null) {
      throw new Error(`${target.name}: stdout is not piped`);
    }
    createInterface({ input: stdout, crlfDelay: Infinity }).on('line', (line) => {
      const waiter = this.waiter;
      this.waiter = undefined;
      if (waiter) {
        waiter.resolve(line);
      } else {
        this.buffered.push(line);
      }
    });
    void target.exited.then(() => this.fail(new Error(target.describe())));
  }

  /** Next line the process prints, e.g. a startup banner. */
  readLine(timeoutMs: number, waitingFor: string): Promise<string> {
    const line = this.buffered.shift();
    if (line !== undefined) {
      return Promise.resolve(line);
    }
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    return new Promise<string>((resolve, reject) => {
      // Ref'd on purpose: keeps Node alive while waiting on the unref'd pipe.
      const timer = setTimeout(() => {
        this.waiter = undefined;
        const error = new Error(
          `${this.target.name}: no ${waitingFor} within ${timeoutMs} ms; ${this.target.describe()}`,
        );
        // A late reply would be taken for the next command's, so the channel is unusable from here.
        this.fail(error);
        reject(error);
      }, timeoutMs);
      this.waiter = {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
    });
  }

  /** Sends one command line and resolves with its reply line, after all earlier commands are answered. */
  request(command: string, timeoutMs: number): Promise<string> {
    const reply = this.queue.then(() => {
      if (this.failure) {
        throw this.failure;
      }
      this.target.child.stdin?.write(`${command}\n`);
      return this.readLine(timeoutMs, `reply to "${command}"`);
    });
    this.queue = reply.catch(() => undefined);
    return reply;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.reject(this.failure);
  }
}
