import type { IncomingMessage, ServerResponse } from 'node:http';
import { MemoryStateStore } from '@sift/state';
import {
  endlessBody,
  expectRefusal,
  LocalHttpServer,
  payloadFailure,
  rssGrowth,
  tricklingBody,
} from './payload.test-util';
import { payloadSourcePolicy, type PayloadSourcePolicy } from './payload-source-policy.util';
import { resolvePayload } from './resolve-payload.util';

const MIB = 1024 * 1024;
const SECRET = 'SECRET-PAYLOAD-BYTES';
const store = new MemoryStateStore();
const server = new LocalHttpServer();
const other = new LocalHttpServer();
let base = '';
let requests = 0;
const local = (grants: Partial<PayloadSourcePolicy> = {}): PayloadSourcePolicy =>
  payloadSourcePolicy({ httpAllowedHosts: ['127.0.0.1'], httpAllowPrivateAddresses: true, ...grants });

beforeAll(async () => {
  const otherBase = await other.start((_request, response) => response.end(JSON.stringify([SECRET])));
  const otherOnLocalhost = otherBase.replace('127.0.0.1', 'localhost');
  base = await server.start((request: IncomingMessage, response: ServerResponse) => {
    requests += 1;
    const redirect = (location: string) => () => response.writeHead(302, { location }).end();
    const routes: Record<string, () => void> = {
      '/ok': () => response.end('[]'),
      '/to-other-host': redirect(`${otherOnLocalhost}/`),
      '/to-file': redirect('file:///etc/passwd'),
      '/loop': redirect('/loop'),
      '/endless': () => endlessBody(response, SECRET),
      '/declared-huge': () => response.writeHead(200, { 'content-length': String(1024 * MIB) }).write('['),
      '/trickle': () => tricklingBody(response, '['),
      '/silent': () => undefined,
    };
    (routes[request.url ?? ''] ?? (() => response.writeHead(404).end()))();
  });
});
afterAll(async () => {
  await server.close();
  await other.close();
});

describe('hostile http(s):// sources', () => {
  it('refuses http(s) entirely without allowed hosts, and hosts not on the allow-list', async () => {
    await expectRefusal(resolvePayload(`${base}/ok`, store, payloadSourcePolicy()), {
      code: 'PAYLOAD_SOURCE_REFUSED',
      uri: `${base}/ok`,
      rule: /: http\(s\) payloads are not allowed \(no allowed hosts are configured\)$/,
    });
    const uri = 'http://evil.example/events.json';
    await expectRefusal(
      resolvePayload(uri, store, local({ httpAllowedHosts: ['*.example.com', '127.0.0.1'] })),
      {
        code: 'PAYLOAD_SOURCE_REFUSED',
        uri,
        rule: /: host evil.example is not on the http allow-list$/,
      },
    );
  });

  it('refuses an allow-listed name that resolves to loopback, before any request is sent', async () => {
    const uri = `http://localhost:${server.port}/ok`;
    const before = requests;
    await expectRefusal(
      resolvePayload(uri, store, payloadSourcePolicy({ httpAllowedHosts: ['LOCALHOST'] })),
      {
        code: 'PAYLOAD_SOURCE_REFUSED',
        uri,
        rule: / resolves to a loopback address (127\.0\.0\.1|::1), which is not allowed$/,
      },
    );
    expect(requests).toBe(before);
  });

  it.each([
    ['the metadata service', 'http://169.254.169.254/latest/meta-data/', '169.254.169.254', 'link-local'],
    ['IPv4-mapped metadata', 'http://[::ffff:169.254.169.254]/latest/', '::ffff:a9fe:a9fe', 'link-local'],
    ['a private address', 'http://10.0.0.1/', '10.0.0.1', 'private'],
    ['a CGNAT address', 'http://100.64.0.1/', '100.64.0.1', 'CGNAT'],
  ])('refuses %s by its address even when allow-listed, without connecting', async (_what, uri, ip, kind) => {
    const started = Date.now();
    const policy = payloadSourcePolicy({ httpAllowedHosts: [ip] });
    await expectRefusal(resolvePayload(uri, store, policy), {
      code: 'PAYLOAD_SOURCE_REFUSED',
      uri,
      rule: new RegExp(` resolves to an? ${kind} address ${ip.replace(/\./g, '\\.')}, which is not allowed$`),
    });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('re-checks every redirect hop: another host, another scheme, too many hops', async () => {
    const cases = [
      [
        '/to-other-host',
        /: redirect to http:\/\/localhost:\d+\/: host localhost is not on the http allow-list$/,
      ],
      [
        '/to-file',
        /: redirect to file:\/\/\/etc\/passwd is not allowed: only http\(s\) redirects are followed$/,
      ],
      ['/loop', /: more than 3 redirects, which is not allowed$/],
    ] as const;
    for (const [path, rule] of cases) {
      const uri = `${base}${path}`;
      await expectRefusal(resolvePayload(uri, store, local()), {
        code: 'PAYLOAD_SOURCE_REFUSED',
        uri,
        rule,
        secrets: [SECRET],
      });
    }
  });

  it('stops an endless body at the payload limit, fast and with bounded memory', async () => {
    const uri = `${base}/endless`;
    const started = Date.now();
    const growth = await rssGrowth(() =>
      expectRefusal(resolvePayload(uri, store, local({ maxPayloadBytes: 8 * MIB })), {
        code: 'PAYLOAD_TOO_LARGE',
        uri,
        rule: /: the response body is larger than the payload limit of 8 MiB$/,
        secrets: [SECRET],
      }),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(growth).toBeLessThan(100 * MIB);
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const uri = `${base}/declared-huge`;
    await expectRefusal(resolvePayload(uri, store, local()), {
      code: 'PAYLOAD_TOO_LARGE',
      uri,
      rule: /: the response body is larger than the payload limit of 64 MiB$/,
    });
  });

  it('gives up on a body that trickles 1 byte a second at the deadline, as final', async () => {
    const uri = `${base}/trickle`;
    const started = Date.now();
    await expectRefusal(resolvePayload(uri, store, local({ httpTimeoutMs: 1500 })), {
      code: 'PAYLOAD_TIMEOUT',
      uri,
      rule: /: the response body did not arrive within 1500 ms$/,
    });
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('treats a server that never answers as a retriable network failure', async () => {
    const error = await payloadFailure(
      resolvePayload(`${base}/silent`, store, local({ httpTimeoutMs: 500 })),
    );
    expect(error).toMatchObject({ code: 'PAYLOAD_NETWORK', retriable: true });
    expect(error.message).toBe(`${base}/silent: download failed: no response within 500 ms`);
  });
});
