import type { IncomingMessage, ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { MemoryStateStore, StateStoreError } from '@sift/state';
import { ScratchDir } from '../testing/sessions.test-util';
import { LocalHttpServer, payloadFailure as failure } from './payload.test-util';
import { payloadSourcePolicy } from './payload-source-policy.util';
import { resolvePayload } from './resolve-payload.util';

const events = [
  { uuid: 'a', n: 1 },
  { uuid: 'b', n: 2 },
];
const jsonl = events.map((event) => JSON.stringify(event)).join('\n');
const scratch = new ScratchDir();
const store = new MemoryStateStore();
let files = payloadSourcePolicy();
const uploads = payloadSourcePolicy({
  allowedStoreKeyPrefixes: ['sift:input:r1:', 'sift:nothing', 'sift:k'],
});

beforeAll(async () => {
  files = payloadSourcePolicy({ fileRoot: await scratch.create() });
});
afterAll(() => scratch.remove());

describe('resolvePayload', () => {
  it('passes inline arrays through, whatever the policy', async () => {
    expect(await resolvePayload(events, store, payloadSourcePolicy())).toBe(events);
  });

  it.each([
    ['JSON', 'events.json', JSON.stringify(events)],
    ['JSONL', 'events.jsonl', `${jsonl}\n\n`],
    ['gzipped JSONL', 'events.jsonl.gz', gzipSync(jsonl)],
  ])('reads a file:// uri with %s under the data root', async (_what, name, content) => {
    const path = await scratch.write(name, content);
    expect(await resolvePayload(pathToFileURL(path).href, store, files)).toEqual(events);
  });

  it('keeps the lines of a JSONL file that parse, marking the others', async () => {
    const path = await scratch.write('partial.jsonl', `${jsonl}\n{"uuid": "c", `);
    expect(await resolvePayload(pathToFileURL(path).href, store, files)).toEqual([
      ...events,
      { $unparseableLine: 3 },
    ]);
  });

  it('names the uri of a missing or unparseable file, not retriable, and where parsing failed', async () => {
    const missing = pathToFileURL(scratch.path('nope.json')).href;
    const notFound = await failure(resolvePayload(missing, store, files));
    expect(notFound).toMatchObject({ code: 'PAYLOAD_NOT_FOUND', retriable: false, uri: missing });
    expect(notFound.message).toBe(`${missing}: no such file ${scratch.path('nope.json')}`);

    const garbage = pathToFileURL(await scratch.write('garbage.json', '{"a": 1,\n "b" 2}')).href;
    const notJson = await failure(resolvePayload(garbage, store, files));
    expect(notJson).toMatchObject({ code: 'PAYLOAD_NOT_JSON', retriable: false });
    expect(notJson.message).toBe(
      `${garbage} is neither JSON nor JSONL: unexpected number at line 2, column 6; ` +
        'as JSONL, line 1: expected a property name at column 9',
    );
  });

  it('rejects a string that is not an accepted uri', async () => {
    const error = await failure(resolvePayload('s3://bucket/key', store, files));
    expect(error).toMatchObject({ code: 'PAYLOAD_URI_INVALID', retriable: false });
    expect(error.message).toBe('"s3://bucket/key" is not a file://, http(s):// or redis://<store key> uri');
  });

  it('refuses every uri when called without a policy (untyped callers)', async () => {
    const path = pathToFileURL(await scratch.write('ok.json', JSON.stringify(events))).href;
    const untyped = resolvePayload as unknown as (ref: string, store: MemoryStateStore) => Promise<unknown>;
    expect(await failure(untyped(path, store))).toMatchObject({ code: 'PAYLOAD_SOURCE_REFUSED' });
  });

  it('reads redis://<key> from the store under an allowed prefix, gzipped or plain', async () => {
    await store.set('sift:input:r1:s1:events', gzipSync(jsonl));
    await store.set('sift:input:r1:s2:events', JSON.stringify(events));
    expect(await resolvePayload('redis://sift:input:r1:s1:events', store, uploads)).toEqual(events);
    expect(await resolvePayload('redis://sift:input:r1:s2:events', store, uploads)).toEqual(events);
  });

  it('reports a missing store key as final and an unavailable store as retriable', async () => {
    const missing = await failure(resolvePayload('redis://sift:nothing', store, uploads));
    expect(missing).toMatchObject({ code: 'PAYLOAD_NOT_FOUND', retriable: false });
    expect(missing.message).toBe(
      'redis://sift:nothing: no value at store key "sift:nothing" (never stored or expired)',
    );

    const down = new MemoryStateStore();
    jest.spyOn(down, 'get').mockRejectedValue(new StateStoreError('STATE_UNAVAILABLE', 'connection refused'));
    const unavailable = await failure(resolvePayload('redis://sift:k', down, uploads));
    expect(unavailable).toMatchObject({ code: 'PAYLOAD_STORE', retriable: true });
    expect(unavailable.message).toBe('redis://sift:k: state store read failed: connection refused');
  });

  describe('over http', () => {
    const server = new LocalHttpServer();
    const web = payloadSourcePolicy({ httpAllowedHosts: ['127.0.0.1'], httpAllowPrivateAddresses: true });
    let base = '';

    beforeAll(async () => {
      base = await server.start((request: IncomingMessage, response: ServerResponse) => {
        const routes: Record<string, () => void> = {
          '/events.jsonl': () => response.end(jsonl),
          '/events.json.gz': () => response.end(gzipSync(JSON.stringify(events))),
          '/moved': () => response.writeHead(302, { location: '/events.jsonl' }).end(),
          '/busy': () => response.writeHead(503, 'Come back with a bribe').end('try later'),
        };
        const route = routes[request.url ?? ''];
        if (route) route();
        else response.writeHead(404, 'root:x:0:0').end('not found');
      });
    });
    afterAll(() => server.close());

    it('downloads JSONL and gzipped JSON, following a redirect on the same host', async () => {
      expect(await resolvePayload(`${base}/events.jsonl`, store, web)).toEqual(events);
      expect(await resolvePayload(`${base}/events.json.gz`, store, web)).toEqual(events);
      expect(await resolvePayload(`${base}/moved`, store, web)).toEqual(events);
    });

    it("names status and uri of a 404, not retriable, never the server's reason text; a 503 is retriable", async () => {
      const notFound = await failure(resolvePayload(`${base}/missing.json`, store, web));
      expect(notFound).toMatchObject({ code: 'PAYLOAD_HTTP_STATUS', retriable: false });
      expect(notFound.message).toBe(`${base}/missing.json: HTTP 404 Not Found`);
      const busy = await failure(resolvePayload(`${base}/busy`, store, web));
      expect(busy).toMatchObject({ code: 'PAYLOAD_HTTP_STATUS', retriable: true });
      expect(busy.message).toBe(`${base}/busy: HTTP 503 Service Unavailable`);
    });

    it('treats a refused connection as a retriable network error', async () => {
      const closed = new LocalHttpServer();
      await closed.start(() => undefined);
      const { port } = closed;
      await closed.close();
      const error = await failure(resolvePayload(`http://127.0.0.1:${port}/events.json`, store, web));
      expect(error).toMatchObject({ code: 'PAYLOAD_NETWORK', retriable: true });
      expect(error.message).toMatch(
        new RegExp(`^http://127.0.0.1:${port}/events.json: download failed: .*ECONNREFUSED`),
      );
    });
  });
});
