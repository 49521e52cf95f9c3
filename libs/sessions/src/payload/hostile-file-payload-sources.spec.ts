import { execFileSync } from 'node:child_process';
import { symlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { pathToFileURL } from 'node:url';
import { MemoryStateStore } from '@sift/state';
import { ScratchDir } from '../testing/sessions.test-util';
import { expectRefusal, gzipBomb, payloadFailure, rssGrowth } from './payload.test-util';
import { payloadSourcePolicy, type PayloadSourcePolicy } from './payload-source-policy.util';
import { resolvePayload } from './resolve-payload.util';

const SECRET = 'SECRET-PAYLOAD-BYTES';
const PASSWD = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n';
const MIB = 1024 * 1024;
const scratch = new ScratchDir();
const store = new MemoryStateStore();
let root = '';
let policy: PayloadSourcePolicy;
let socket: Server | undefined;
const uriOf = (...parts: string[]): string => pathToFileURL(scratch.path(...parts)).href;
const read = (uri: string, rules = policy): Promise<unknown> => resolvePayload(uri, store, rules);

beforeAll(async () => {
  await scratch.create();
  root = await scratch.mkdir('data');
  policy = payloadSourcePolicy({ fileRoot: root });
  await scratch.write('outside.json', JSON.stringify([{ secret: SECRET }]));
  await scratch.write('data2/sibling.json', JSON.stringify([{ secret: SECRET }]));
  await scratch.write('data/inside.json', JSON.stringify([{ ok: true }]));
  await scratch.write('data/passwd', PASSWD);
  await scratch.mkdir('data/folder');
  await symlink(scratch.path('outside.json'), scratch.path('data/escape.json'));
  await symlink(scratch.path(), scratch.path('data/up'));
  await symlink(scratch.path('data/inside.json'), scratch.path('data/alias.json'));
  execFileSync('mkfifo', [scratch.path('data/pipe')]);
  const listening = createServer();
  socket = listening;
  await new Promise<void>((resolve) => listening.listen(scratch.path('data/sock'), resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => (socket ? socket.close(() => resolve()) : resolve()));
  await scratch.remove();
});

describe('hostile file:// sources', () => {
  it('reads a regular file inside the root, also through a symlink that stays inside', async () => {
    expect(await read(uriOf('data/inside.json'))).toEqual([{ ok: true }]);
    expect(await read(uriOf('data/alias.json'))).toEqual([{ ok: true }]);
  });

  it('refuses file:// entirely without a data root', async () => {
    const uri = uriOf('data/inside.json');
    await expectRefusal(read(uri, payloadSourcePolicy()), {
      code: 'PAYLOAD_SOURCE_REFUSED',
      uri,
      rule: /file:\/\/ payloads are not allowed \(no data root is configured\)/,
    });
  });

  it('refuses file:///dev/zero fast and without growing memory, with or without / as the root', async () => {
    const started = Date.now();
    const growth = await rssGrowth(async () => {
      await expectRefusal(read('file:///dev/zero'), {
        code: 'PAYLOAD_SOURCE_REFUSED',
        uri: 'file:///dev/zero',
        rule: / is outside the data root$/,
      });
      await expectRefusal(read('file:///dev/zero', payloadSourcePolicy({ fileRoot: '/' })), {
        code: 'PAYLOAD_SOURCE_REFUSED',
        uri: 'file:///dev/zero',
        rule: / is a character device, not a regular file$/,
      });
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(growth).toBeLessThan(100 * MIB);
  });

  it('refuses /etc/passwd outside the root, and never quotes it when it is inside one', async () => {
    await expectRefusal(read('file:///etc/passwd'), {
      code: 'PAYLOAD_SOURCE_REFUSED',
      uri: 'file:///etc/passwd',
      rule: / is outside the data root$/,
    });
    const everything = payloadSourcePolicy({ fileRoot: '/' });
    for (const uri of ['file:///etc/passwd', uriOf('data/passwd')]) {
      const error = await payloadFailure(read(uri, everything));
      expect(error).toMatchObject({ code: 'PAYLOAD_NOT_JSON', retriable: false });
      expect(error.message).toMatch(/ is neither JSON nor JSONL: unexpected character; as JSONL, line 1: /);
      expect(error.message).not.toMatch(/root|daemon|:x:/);
    }
  });

  it.each([
    ['a .. escape', () => `${pathToFileURL(root).href}/../outside.json`],
    ['an encoded .. escape', () => `${pathToFileURL(root).href}/%2e%2e/outside.json`],
    ['a sibling folder sharing the prefix (/data2 is not in /data)', () => uriOf('data2/sibling.json')],
  ])('refuses %s as outside the root', async (_what, uriFor) => {
    await expectRefusal(read(uriFor()), {
      code: 'PAYLOAD_SOURCE_REFUSED',
      uri: uriFor(),
      rule: / is outside the data root$/,
      secrets: [SECRET],
    });
  });

  it.each([
    ['a file symlink', 'data/escape.json'],
    ['a folder symlink', 'data/up/outside.json'],
  ])('refuses %s inside the root that points outside', async (_what, path) => {
    await expectRefusal(read(uriOf(path)), {
      code: 'PAYLOAD_SOURCE_REFUSED',
      uri: uriOf(path),
      rule: / resolves through a symlink to outside the data root$/,
      secrets: [SECRET],
    });
  });

  it.each([
    ['a FIFO', 'data/pipe', 'a FIFO'],
    ['a directory', 'data/folder', 'a directory'],
    ['a unix socket', 'data/sock', 'a socket'],
  ])('refuses %s inside the root without hanging', async (_what, path, kind) => {
    await expectRefusal(read(uriOf(path)), {
      code: 'PAYLOAD_SOURCE_REFUSED',
      uri: uriOf(path),
      rule: new RegExp(` is ${kind}, not a regular file$`),
    });
  });

  it('refuses a file over the payload limit by its size', async () => {
    const uri = pathToFileURL(await scratch.write('data/big.json', JSON.stringify(['x'.repeat(4096)]))).href;
    await expectRefusal(read(uri, payloadSourcePolicy({ fileRoot: root, maxPayloadBytes: 1024 })), {
      code: 'PAYLOAD_TOO_LARGE',
      uri,
      rule: / is 4100 bytes, more than the payload limit of 1024 bytes$/,
      secrets: ['xxxx'],
    });
  });

  it('refuses a gzip bomb (200 MiB of zeros) at the decompression limit with bounded memory', async () => {
    const uri = pathToFileURL(await scratch.write('data/bomb.json.gz', await gzipBomb(200 * MIB))).href;
    const growth = await rssGrowth(() =>
      expectRefusal(read(uri, payloadSourcePolicy({ fileRoot: root, maxDecompressedBytes: 16 * MIB })), {
        code: 'PAYLOAD_TOO_LARGE',
        uri,
        rule: / decompresses to more than the limit of 16 MiB$/,
      }),
    );
    expect(growth).toBeLessThan(100 * MIB);
  });
});
