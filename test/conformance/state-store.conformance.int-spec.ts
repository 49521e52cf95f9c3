import { gunzipSync } from 'node:zlib';
import Redis from 'ioredis';
import { z } from 'zod';
import {
  DEADLINES_KEY,
  keyHashTag,
  RedisStateStore,
  reportKey,
  type StateStore,
  type StateStoreErrorCode,
} from '@sift/state';
import { freePort, startRedis } from '@sift/testing';
import { storeBackends } from '../support/store-backends';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function expectCode(promise: Promise<unknown>, code: StateStoreErrorCode): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toMatchObject({ name: 'StateStoreError', code });
  return error as Error;
}

/** Deterministic shuffle (LCG), so a failure reproduces with the same interleaving. */
function shuffled<T>(items: T[], seed = 42): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe.each(storeBackends())('StateStore conformance: $name', (backend) => {
  let store: StateStore;

  beforeAll(() => backend.start());
  afterAll(() => backend.stop());
  beforeEach(() => {
    store = backend.create();
  });
  afterEach(() => store.close());

  it('round-trips Buffers byte for byte and strings as UTF-8', async () => {
    const bytes = Buffer.from([0x00, 0xff, 0x1f, 0x8b, 0x0a, 0x80]);
    await store.set('bytes', bytes);
    await store.set('text', 'héllo ✓ 🧪');
    expect(await store.get('bytes')).toEqual(bytes);
    expect((await store.get('text'))?.toString('utf8')).toBe('héllo ✓ 🧪');
    expect(await store.get('missing')).toBeNull();

    await store.set('text', 'replaced');
    expect((await store.get('text'))?.toString('utf8')).toBe('replaced');
  });

  it('deletes keys of every type, and ignores missing ones', async () => {
    await store.set('string', 'v');
    await store.addToSet('set', 'm');
    await store.zadd('zset', 1, 'm');
    await store.incrBy('counter', 3);
    for (const key of ['string', 'set', 'zset', 'counter', 'never-written']) await store.delete(key);

    expect(await store.get('string')).toBeNull();
    expect(await store.setSize('set')).toBe(0);
    expect(await store.zrangeByScore('zset', -Infinity, Infinity)).toEqual([]);
    expect(await store.incrBy('counter', 1)).toBe(1);
  });

  it('expires keys after their TTL, and a plain set clears an earlier TTL', async () => {
    await store.set('ttl-string', 'v', { ttlSeconds: 1 });
    await store.setJson('ttl-json', { a: 1 }, { ttlSeconds: 1 });
    await store.addToSet('ttl-set', 'm', { ttlSeconds: 1 });
    await store.incrBy('ttl-counter', 5, { ttlSeconds: 1 });
    await store.set('ttl-cleared', 'v', { ttlSeconds: 1 });
    await store.set('ttl-cleared', 'kept');
    await store.set('no-ttl', 'kept');
    expect(await store.get('ttl-string')).not.toBeNull();

    await sleep(1_200);

    expect(await store.get('ttl-string')).toBeNull();
    expect(await store.getJson('ttl-json')).toBeNull();
    expect(await store.setSize('ttl-set')).toBe(0);
    expect(await store.incrBy('ttl-counter', 1)).toBe(1);
    expect((await store.get('ttl-cleared'))?.toString()).toBe('kept');
    expect((await store.get('no-ttl'))?.toString()).toBe('kept');
  });

  it('rejects a TTL no backend can honour', async () => {
    await expectCode(store.set('k', 'v', { ttlSeconds: 0 }), 'STATE_INVALID_ARGUMENT');
    await expectCode(store.addToSet('k', 'm', { ttlSeconds: -1 }), 'STATE_INVALID_ARGUMENT');
  });

  it('stores large JSON gzip-compressed and reads it back equal', async () => {
    const report = {
      reportId: 'r-1',
      sessions: Array.from({ length: 100 }, (_, i) => ({ id: `s-${i}`, outcome: i % 3 ? 'ok' : 'failed' })),
    };
    const json = JSON.stringify(report);
    await store.setJson('large', report);

    const raw = await store.get('large');
    expect(raw?.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(raw?.length).toBeLessThan(Buffer.byteLength(json));
    expect(gunzipSync(raw ?? Buffer.alloc(0)).toString('utf8')).toBe(json);
    expect(await store.getJson('large')).toEqual(report);
  });

  it('keeps small JSON readable as plain text', async () => {
    await store.setJson('small', { status: 'pending', expected: 3 });
    expect((await store.get('small'))?.toString('utf8')).toBe('{"status":"pending","expected":3}');
    expect(await store.getJson('small')).toEqual({ status: 'pending', expected: 3 });
    expect(await store.getJson('missing')).toBeNull();
  });

  it('validates getJson against a schema and names the key and field on mismatch', async () => {
    const schema = z.object({ reportId: z.string(), expected: z.number().int() });
    await store.setJson('good', { reportId: 'r-1', expected: 3, extra: true });
    await store.setJson('bad', { reportId: 'r-1', expected: 'three' });

    const good: { reportId: string; expected: number } | null = await store.getJson('good', schema);
    expect(good).toEqual({ reportId: 'r-1', expected: 3 });
    const error = await expectCode(store.getJson('bad', schema), 'STATE_SCHEMA_MISMATCH');
    expect(error.message).toContain('"bad"');
    expect(error.message).toContain('expected');
  });

  it('fails getJson on bytes that are not JSON, and setJson on values that cannot be JSON', async () => {
    await store.set('not-json', 'plain words');
    await expectCode(store.getJson('not-json'), 'STATE_DECODE_FAILED');
    await expectCode(store.setJson('k', undefined), 'STATE_INVALID_ARGUMENT');
  });

  it('counts the same set member once', async () => {
    expect(await store.addToSet('done', 'session-1')).toEqual({ added: true, size: 1 });
    expect(await store.addToSet('done', 'session-1')).toEqual({ added: false, size: 1 });
    expect(await store.addToSet('done', 'session-2')).toEqual({ added: true, size: 2 });
    expect(await store.setSize('done')).toBe(2);
    expect((await store.setMembers('done')).sort()).toEqual(['session-1', 'session-2']);
    expect(await store.setSize('missing')).toBe(0);
    expect(await store.setMembers('missing')).toEqual([]);
  });

  it('keeps completion counts exact under concurrent duplicate delivery', async () => {
    const members = Array.from({ length: 50 }, (_, i) => `session-${i}`);
    const deliveries = shuffled(members.flatMap((member) => [member, member, member, member]));
    const key = reportKey('dup', 'summaries', 'succeeded');

    const results = await Promise.all(
      deliveries.map(async (member) => ({ member, ...(await store.addToSet(key, member)) })),
    );

    expect(results).toHaveLength(200);
    const firsts = results.filter((result) => result.added);
    expect(firsts).toHaveLength(50);
    expect(new Set(firsts.map((result) => result.member)).size).toBe(50);
    // Each add and its size are one atomic step, so the 50 winners saw sizes 1..50, each exactly once.
    expect(firsts.map((result) => result.size).sort((a, b) => a - b)).toEqual(members.map((_, i) => i + 1));
    for (const result of results) {
      expect(result.size).toBeGreaterThanOrEqual(1);
      expect(result.size).toBeLessThanOrEqual(50);
    }
    expect(await store.setSize(key)).toBe(50);
  });

  it('orders a sorted set by score, then member, within inclusive bounds and a limit', async () => {
    await store.zadd(DEADLINES_KEY, 300, 'r-c');
    await store.zadd(DEADLINES_KEY, 100, 'r-b');
    await store.zadd(DEADLINES_KEY, 100, 'r-a');
    await store.zadd(DEADLINES_KEY, 900, 'r-d');
    await store.zadd(DEADLINES_KEY, 200, 'r-d'); // re-adding updates the score

    expect(await store.zrangeByScore(DEADLINES_KEY, -Infinity, Infinity)).toEqual([
      'r-a',
      'r-b',
      'r-d',
      'r-c',
    ]);
    expect(await store.zrangeByScore(DEADLINES_KEY, 100, 200)).toEqual(['r-a', 'r-b', 'r-d']);
    expect(await store.zrangeByScore(DEADLINES_KEY, 0, 300, 2)).toEqual(['r-a', 'r-b']);
    expect(await store.zrangeByScore(DEADLINES_KEY, 301, 899)).toEqual([]);
    expect(await store.zrangeByScore(DEADLINES_KEY, -Infinity, Infinity, 0)).toEqual([]);
    await store.zadd(DEADLINES_KEY, Infinity, 'r-never');
    expect(await store.zrangeByScore(DEADLINES_KEY, 250, Infinity)).toEqual(['r-c', 'r-never']);
    expect(await store.zrangeByScore('missing', 0, 1)).toEqual([]);
  });

  it('lets exactly one of two racing sweepers remove a deadline', async () => {
    await store.zadd(DEADLINES_KEY, Date.now(), 'r-1');
    await store.zadd(DEADLINES_KEY, Date.now(), 'r-2');

    const outcomes = await Promise.all([store.zrem(DEADLINES_KEY, 'r-1'), store.zrem(DEADLINES_KEY, 'r-1')]);

    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await store.zrangeByScore(DEADLINES_KEY, -Infinity, Infinity)).toEqual(['r-2']);
    expect(await store.zrem(DEADLINES_KEY, 'r-1')).toBe(false);
    expect(await store.zrem('missing', 'r-1')).toBe(false);
  });

  it('keeps counters exact under concurrent increments', async () => {
    const values = await Promise.all(Array.from({ length: 100 }, () => store.incrBy('counter', 1)));
    expect([...values].sort((a, b) => a - b)).toEqual(values.map((_, i) => i + 1));
    expect(await store.incrBy('counter', -30)).toBe(70);
    expect((await store.get('counter'))?.toString()).toBe('70');

    const mixed = await Promise.all(
      [...Array(40).fill(5), ...Array(40).fill(-2)].map((by) => store.incrBy('c2', by)),
    );
    expect(mixed).toHaveLength(80);
    expect(await store.incrBy('c2', 0)).toBe(40 * 5 - 40 * 2);
  });

  it('rejects increments and reads that do not fit the stored value', async () => {
    await store.addToSet('a-set', 'm');
    await store.set('words', 'not a number');
    await expectCode(store.incrBy('counter', 1.5), 'STATE_INVALID_ARGUMENT');
    await expectCode(store.incrBy('a-set', 1), 'STATE_WRONG_TYPE');
    await expectCode(store.get('a-set'), 'STATE_WRONG_TYPE');
    await expectCode(store.incrBy('words', 1), 'STATE_COMMAND_FAILED');
  });

  it('keeps every key of one report under one hash tag', async () => {
    const keys = [reportKey('r-42'), reportKey('r-42', 'sessions', 'succeeded'), reportKey('r-42', 'stage')];
    expect(new Set(keys.map(keyHashTag))).toEqual(new Set(['report:r-42']));
    expect(keyHashTag(reportKey('r-43', 'stage'))).not.toBe(keyHashTag(keys[2]));

    await store.setJson(keys[2], { stage: 'summaries' });
    await store.addToSet(keys[1], 'session-1');
    expect(await store.getJson(keys[2])).toEqual({ stage: 'summaries' });
    expect(await store.setMembers(keys[1])).toEqual(['session-1']);
  });

  it('rejects every call after close', async () => {
    await store.set('k', 'v');
    await store.close();
    await expectCode(store.get('k'), 'STATE_CLOSED');
    await expectCode(store.addToSet('s', 'm'), 'STATE_CLOSED');
    await store.close(); // idempotent, also for afterEach
  });
});

describe('RedisStateStore connection handling', () => {
  it('surfaces an unreachable server as a retriable rejection naming the command and key', async () => {
    const client = new Redis(`redis://127.0.0.1:${await freePort()}`, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined); // the rejection below is what this test checks
    const store = new RedisStateStore(client);

    const error = await expectCode(store.get('k'), 'STATE_UNAVAILABLE');
    expect(error.message).toMatch(/^redis GET on "k" failed: /);
    expect(error).toMatchObject({ retriable: true });

    await store.close();
    // disconnect() on an already ended client would arm a 2 s timer that keeps Jest alive.
    if (client.status !== 'end') client.disconnect();
  });

  it('quits a client it created, but leaves a borrowed one to its owner', async () => {
    const server = await startRedis();
    try {
      const owned = new RedisStateStore(server.url);
      await owned.set('k', 'v');
      await owned.close();

      const client = new Redis(server.url, { lazyConnect: true });
      const borrowing = new RedisStateStore(client);
      expect((await borrowing.get('k'))?.toString()).toBe('v');
      await borrowing.close();
      expect(await client.ping()).toBe('PONG');
      await client.quit();
    } finally {
      await server.stop();
    }
  });
});
