import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { MemoryStateStore, StateStoreError } from '@sift/state';
import { PayloadError } from '../errors/payload.error';
import { ScratchDir } from '../testing/sessions.test-util';
import { resolvePayload } from './resolve-payload.util';

const events = [
  { uuid: 'a', n: 1 },
  { uuid: 'b', n: 2 },
];
const jsonl = events.map((event) => JSON.stringify(event)).join('\n');
const scratch = new ScratchDir();
const store = new MemoryStateStore();

async function failure(promise: Promise<unknown>): Promise<PayloadError> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof PayloadError)) throw new Error(`expected a PayloadError, got ${String(error)}`);
  return error;
}

beforeAll(() => scratch.create());
afterAll(() => scratch.remove());

describe('resolvePayload', () => {
  it('passes inline arrays through', async () => {
    expect(await resolvePayload(events, store)).toBe(events);
  });

  it.each([
    ['JSON', 'events.json', JSON.stringify(events)],
    ['JSONL', 'events.jsonl', `${jsonl}\n\n`],
    ['gzipped JSONL', 'events.jsonl.gz', gzipSync(jsonl)],
  ])('reads a file:// uri with %s', async (_what, name, content) => {
    const path = await scratch.write(name, content);
    expect(await resolvePayload(pathToFileURL(path).href, store)).toEqual(events);
  });

  it('keeps the lines of a JSONL file that parse, marking the others', async () => {
    const path = await scratch.write('partial.jsonl', `${jsonl}\n{"uuid": "c", `);
    expect(await resolvePayload(pathToFileURL(path).href, store)).toEqual([
      ...events,
      { $unparseableLine: 3 },
    ]);
  });

  it('names the uri of a missing or unparseable file, not retriable', async () => {
    const missing = pathToFileURL(scratch.path('nope.json')).href;
    const notFound = await failure(resolvePayload(missing, store));
    expect(notFound).toMatchObject({ code: 'PAYLOAD_NOT_FOUND', retriable: false, uri: missing });
    expect(notFound.message).toBe(`${missing}: no such file ${scratch.path('nope.json')}`);

    const garbage = pathToFileURL(await scratch.write('garbage.json', 'not json at all')).href;
    const notJson = await failure(resolvePayload(garbage, store));
    expect(notJson).toMatchObject({ code: 'PAYLOAD_NOT_JSON', retriable: false });
    expect(notJson.message).toMatch(new RegExp(`^${garbage} is neither JSON nor JSONL: `));
  });

  it('rejects a string that is not an accepted uri', async () => {
    const error = await failure(resolvePayload('s3://bucket/key', store));
    expect(error).toMatchObject({ code: 'PAYLOAD_URI_INVALID', retriable: false });
    expect(error.message).toBe('"s3://bucket/key" is not a file://, http(s):// or redis://<store key> uri');
  });

  it('reads redis://<key> from the store, gzipped or plain', async () => {
    await store.set('sift:input:r1:s1:events', gzipSync(jsonl));
    await store.set('sift:input:r1:s2:events', JSON.stringify(events));
    expect(await resolvePayload('redis://sift:input:r1:s1:events', store)).toEqual(events);
    expect(await resolvePayload('redis://sift:input:r1:s2:events', store)).toEqual(events);
  });

  it('reports a missing store key as final and an unavailable store as retriable', async () => {
    const missing = await failure(resolvePayload('redis://sift:nothing', store));
    expect(missing).toMatchObject({ code: 'PAYLOAD_NOT_FOUND', retriable: false });
    expect(missing.message).toBe(
      'redis://sift:nothing: no value at store key "sift:nothing" (never stored or expired)',
    );

    const down = new MemoryStateStore();
    jest.spyOn(down, 'get').mockRejectedValue(new StateStoreError('STATE_UNAVAILABLE', 'connection refused'));
    const unavailable = await failure(resolvePayload('redis://sift:k', down));
    expect(unavailable).toMatchObject({ code: 'PAYLOAD_STORE', retriable: true });
    expect(unavailable.message).toBe('redis://sift:k: state store read failed: connection refused');
  });

  describe('over http', () => {
    let server: Server;
    let base = '';

    beforeAll(async () => {
      server = createServer((request, response) => {
        const routes: Record<string, () => void> = {
          '/events.jsonl': () => response.end(jsonl),
          '/events.json.gz': () => response.end(gzipSync(JSON.stringify(events))),
          '/busy': () => response.writeHead(503).end('try later'),
        };
        const route = routes[request.url ?? ''];
        if (route) route();
        else response.writeHead(404).end('not found');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('downloads JSONL and gzipped JSON', async () => {
      expect(await resolvePayload(`${base}/events.jsonl`, store)).toEqual(events);
      expect(await resolvePayload(`${base}/events.json.gz`, store)).toEqual(events);
    });

    it('names status and uri of a 404, not retriable; a 503 is retriable', async () => {
      const notFound = await failure(resolvePayload(`${base}/missing.json`, store));
      expect(notFound).toMatchObject({ code: 'PAYLOAD_HTTP_STATUS', retriable: false });
      expect(notFound.message).toBe(`${base}/missing.json: HTTP 404 Not Found`);
      const busy = await failure(resolvePayload(`${base}/busy`, store));
      expect(busy).toMatchObject({ code: 'PAYLOAD_HTTP_STATUS', retriable: true });
    });

    it('treats a refused connection as a retriable network error', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const error = await failure(resolvePayload(`http://127.0.0.1:${port}/events.json`, store));
      expect(error).toMatchObject({ code: 'PAYLOAD_NETWORK', retriable: true });
      expect(error.message).toMatch(
        new RegExp(`^http://127.0.0.1:${port}/events.json: download failed: .*ECONNREFUSED`),
      );
    });
  });
});
