import { SessionResult } from '@sift/contracts';
import { reportKeys } from '@sift/reports';
import { MemoryStateStore } from '@sift/state';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { IngestHarness } from './ingest.test-util';

jest.setTimeout(30_000);

const SECRET = 'sift-secret-payload-bytes';
const goodEvents = Array.from({ length: 12 }, (_, i) => ({
  uuid: `good-${i}`,
  event: i % 3 === 0 ? '$pageview' : '$autocapture',
  timestamp: new Date(Date.UTC(2026, 0, 1, 12, 0, i * 5)).toISOString(),
  distinct_id: 'u1',
  properties: { $session_id: 'good', $current_url: 'https://shop.example/p', $event_type: 'click' },
}));

describe('ingest refuses hostile payload sources per session', () => {
  let folder: string;
  let root: string;
  let server: Server;
  let port = 0;
  let harness: IngestHarness;
  const store = new MemoryStateStore();

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'sift-hostile-'));
    root = join(folder, 'batch');
    await writeFile(join(folder, 'outside.json'), JSON.stringify([{ secret: SECRET }]));
    await import('node:fs/promises').then((fs) => fs.mkdir(root));
    await symlink(join(folder, 'outside.json'), join(root, 'link.json'));
    await writeFile(join(root, 'bomb.json.gz'), gzipSync(Buffer.alloc(200 * 1024 * 1024)));
    server = createServer((request, response) => {
      if (request.url === '/redirect') {
        response.writeHead(302, { location: `http://127.0.0.1:${port}/secret` }).end();
      } else if (request.url === '/endless') {
        response.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 'x');
        const pump = (): void => {
          while (response.write(chunk));
          response.once('drain', pump);
        };
        pump();
      } else response.writeHead(200).end(JSON.stringify([{ secret: SECRET }]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    await store.set(reportKeys.upload('other-report', 's1', 'events'), JSON.stringify([{ secret: SECRET }]));
    harness = await new IngestHarness(
      {
        PAYLOAD_FILE_ROOT: root,
        PAYLOAD_HTTP_ALLOWED_HOSTS: 'localhost',
        PAYLOAD_HTTP_ALLOW_PRIVATE: 'true',
        PAYLOAD_MAX_BYTES: String(1024 * 1024),
        PAYLOAD_MAX_DECOMPRESSED_BYTES: String(16 * 1024 * 1024),
        INGEST_SESSION_ATTEMPTS: '1',
      },
      store,
    ).start();
  });
  afterAll(async () => {
    await harness?.stop();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await rm(folder, { recursive: true, force: true });
  });

  it('answers every hostile session with a reason that quotes no payload, and goes on with the next batch', async () => {
    const rssBefore = process.memoryUsage().rss;
    const hostile: Record<string, string> = {
      'dev-zero': 'file:///dev/zero',
      passwd: 'file:///etc/passwd',
      'dot-dot': `${pathToFileURL(root).href}/../outside.json`,
      symlink: pathToFileURL(join(root, 'link.json')).href,
      'gzip-bomb': pathToFileURL(join(root, 'bomb.json.gz')).href,
      redirect: `http://localhost:${port}/redirect`,
      endless: `http://localhost:${port}/endless`,
      'other-report': `redis://${reportKeys.upload('other-report', 's1', 'events')}`,
    };
    await harness.publish({
      reportId: 'r-hostile',
      sessions: [
        ...Object.entries(hostile).map(([sessionId, events]) => ({ sessionId, events })),
        { sessionId: 'good', events: goodEvents },
      ],
    });
    await harness.waitForAnswers('r-hostile', Object.keys(hostile).length + 1, 20_000);

    const answers = harness.answers('r-hostile');
    expect(answers.get('good')).toMatchObject({ eventsRef: expect.any(String) });
    const rules: Record<string, RegExp> = {
      'dev-zero': /outside the data root/,
      passwd: /outside the data root/,
      'dot-dot': /outside the data root/,
      symlink: /outside the data root/,
      'gzip-bomb': /decompress/,
      redirect: /redirect to http:\/\/127\.0\.0\.1.*not on the http allow-list/,
      endless: /larger than|exceeds|too large/,
      'other-report': /not (one of|allowed)|key/,
    };
    for (const [sessionId, rule] of Object.entries(rules)) {
      const answer = answers.get(sessionId) as SessionResult;
      const reason = answer.status === 'succeeded' ? '' : answer.reason;
      expect({ sessionId, status: answer.status, reason }).toEqual({
        sessionId,
        status: 'failed',
        reason: expect.stringMatching(rule),
      });
      expect(reason).not.toContain(SECRET);
      expect(reason).not.toMatch(/root:x:0:0/);
    }
    expect(harness.deadLetters).toEqual([]);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);

    await harness.publish({ reportId: 'r-after', sessions: [{ sessionId: 'good', events: goodEvents }] });
    await harness.waitForAnswers('r-after', 1);
  });
});
