import { connect } from 'node:net';
import { tmpdir } from 'node:os';

import { freePort } from '../net/free-port';
import { ManagedProcess } from '../process/managed-process';

/** A running `redis-server` without persistence, bound to 127.0.0.1. */
export interface RedisServerHandle {
  /** `redis://127.0.0.1:<port>`, ready for ioredis. */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Ends the server (SIGTERM, then SIGKILL) and waits until its PID is gone. */
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 5_000;
const PORT_ATTEMPTS = 3;

export interface RedisServerOptions {
  /** Clients must AUTH with this (`requirepass`); the url then carries it as `redis://:<password>@...`. */
  password?: string;
}

/**
 * Starts `redis-server` on a free port with `--save '' --appendonly no` and resolves once it answers PING.
 * The server is killed when the test process exits, even if stop() is never called.
 */
export async function startRedis(options: RedisServerOptions = {}): Promise<RedisServerHandle> {
  const { password } = options;
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const args = [...redisArgs(port), ...(password === undefined ? [] : ['--requirepass', password])];
    const server = await ManagedProcess.start('redis-server', args, { stdout: 'tail' });
    try {
      await waitForPong(server, port, password);
    } catch (error) {
      await server.terminate('SIGKILL');
      // Another process can grab the port between freePort() and redis binding it.
      if (attempt < PORT_ATTEMPTS && server.tail.toString().includes('Address already in use')) {
        continue;
      }
      throw error;
    }
    let stopping: Promise<void> | undefined;
    return {
      url: `redis://${password === undefined ? '' : `:${encodeURIComponent(password)}@`}127.0.0.1:${port}`,
      port,
      pid: server.pid,
      stop: () => (stopping ??= server.terminate('SIGTERM', STOP_GRACE_MS).then(() => undefined)),
    };
  }
}

function redisArgs(port: number): string[] {
  return [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    // Nothing should be written, but if a test runs SAVE it must not land in the repo.
    '--dir',
    tmpdir(),
    '--loglevel',
    'warning',
  ];
}

async function waitForPong(server: ManagedProcess, port: number, password?: string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (!(await answersPing(port, password))) {
    if (server.hasExited) {
      throw new Error(`startRedis: redis-server did not start; ${server.describe()}`);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `startRedis: no PONG on port ${port} within ${STARTUP_TIMEOUT_MS} ms; ${server.describe()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One raw PING (after AUTH), so startup needs no client library and prints no reconnect noise. */
function answersPing(port: number, password?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let received = '';
    const finish = (result: boolean): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(1_000, () => finish(false));
    socket.once('error', () => finish(false));
    const auth = password === undefined ? '' : `AUTH ${password}\r\n`;
    socket.once('connect', () => socket.write(`${auth}PING\r\n`));
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
      const replies = received.split('\r\n').filter(Boolean);
      if (replies.length >= (password === undefined ? 1 : 2)) finish(replies.at(-1) === '+PONG');
    });
    socket.once('close', () => finish(false));
  });
}
