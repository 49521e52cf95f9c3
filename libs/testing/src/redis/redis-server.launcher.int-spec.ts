import Redis from 'ioredis';

import { startRedis, type RedisServerHandle } from '../index';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startRedis', () => {
  let server: RedisServerHandle | undefined;
  let client: Redis | undefined;

  afterEach(async () => {
    // quit() rather than disconnect(): the latter leaves a 2 s force-close timer behind.
    await client?.quit();
    await server?.stop();
    client = undefined;
    server = undefined;
  });

  it('starts a server that ioredis can use, without persistence', async () => {
    server = await startRedis();
    expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
    client = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await client.connect();

    expect(await client.ping()).toBe('PONG');
    await client.set('harness-check', 'value');
    expect(await client.get('harness-check')).toBe('value');
    expect(await client.config('GET', 'save')).toEqual(['save', '']);
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
  });

  it('stop() ends the process and is idempotent', async () => {
    server = await startRedis();
    const { pid } = server;
    expect(isRunning(pid)).toBe(true);

    await server.stop();
    expect(isRunning(pid)).toBe(false);
    await server.stop();
  });

  it('starts independent servers on different ports', async () => {
    const [first, second] = await Promise.all([startRedis(), startRedis()]);
    try {
      expect(first.port).not.toBe(second.port);
      expect(first.pid).not.toBe(second.pid);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });
});
