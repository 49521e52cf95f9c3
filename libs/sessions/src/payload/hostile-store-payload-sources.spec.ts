import { gzipSync } from 'node:zlib';
import { MemoryStateStore } from '@sift/state';
import { expectRefusal, gzipBomb, rssGrowth } from './payload.test-util';
import { payloadSourcePolicy } from './payload-source-policy.util';
import { resolvePayload } from './resolve-payload.util';

const MIB = 1024 * 1024;
const SECRET = 'SECRET-PAYLOAD-BYTES';
const OWN_PREFIX = 'sift:{report:r1}:upload:s1:';
const store = new MemoryStateStore();
const policy = payloadSourcePolicy({ allowedStoreKeyPrefixes: [OWN_PREFIX] });

beforeAll(async () => {
  const secret = gzipSync(JSON.stringify([{ secret: SECRET }]));
  await store.set(`${OWN_PREFIX}events`, gzipSync(JSON.stringify([{ ok: true }])));
  await store.set('sift:{report:r2}:upload:s1:events', secret);
  await store.set('sift:{report:r1}:session:s2:events', secret);
  await store.set('sift:{report:r1}:upload:s10:events', secret);
});

describe('hostile redis:// sources', () => {
  it("reads the session's own upload key", async () => {
    expect(await resolvePayload(`redis://${OWN_PREFIX}events`, store, policy)).toEqual([{ ok: true }]);
  });

  it.each([
    ["another report's upload", 'redis://sift:{report:r2}:upload:s1:events'],
    ["another session's normalized events", 'redis://sift:{report:r1}:session:s2:events'],
    [
      'a session id that only starts with the allowed one (s10 vs s1)',
      'redis://sift:{report:r1}:upload:s10:events',
    ],
  ])('refuses %s', async (_what, uri) => {
    await expectRefusal(resolvePayload(uri, store, policy), {
      code: 'PAYLOAD_SOURCE_REFUSED',
      uri,
      rule: / is not under an allowed store key prefix \(only the uploads of the session being ingested\)$/,
      secrets: [SECRET],
    });
  });

  it('refuses redis:// entirely without allowed prefixes', async () => {
    const uri = `redis://${OWN_PREFIX}events`;
    await expectRefusal(resolvePayload(uri, store, payloadSourcePolicy()), {
      code: 'PAYLOAD_SOURCE_REFUSED',
      uri,
      rule: /: redis:\/\/ payloads are not allowed \(no store key prefix is configured\)$/,
    });
  });

  it('refuses a stored value over the payload limit', async () => {
    const key = `${OWN_PREFIX}recording`;
    await store.set(key, JSON.stringify([SECRET.repeat(100)]));
    await expectRefusal(resolvePayload(`redis://${key}`, store, { ...policy, maxPayloadBytes: 1024 }), {
      code: 'PAYLOAD_TOO_LARGE',
      uri: `redis://${key}`,
      rule: /: the stored value is 2004 bytes, more than the payload limit of 1024 bytes$/,
      secrets: [SECRET],
    });
  });

  it('refuses a stored gzip bomb at the decompression limit with bounded memory', async () => {
    const key = `${OWN_PREFIX}bomb`;
    await store.set(key, await gzipBomb(200 * MIB));
    const bounded = { ...policy, maxDecompressedBytes: 16 * MIB };
    const growth = await rssGrowth(() =>
      expectRefusal(resolvePayload(`redis://${key}`, store, bounded), {
        code: 'PAYLOAD_TOO_LARGE',
        uri: `redis://${key}`,
        rule: / decompresses to more than the limit of 16 MiB$/,
      }),
    );
    expect(growth).toBeLessThan(100 * MIB);
  });
});
