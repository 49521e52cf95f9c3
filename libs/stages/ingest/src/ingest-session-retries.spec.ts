import { SessionJob, SessionResult } from '@sift/contracts';
import { StateStoreError, MemoryStateStore } from '@sift/state';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { IngestHarness } from './ingest.test-util';

const events = (sessionId: string) =>
  Array.from({ length: 12 }, (_, i) => ({
    uuid: `${sessionId}-${i}`,
    event: i % 3 === 0 ? '$pageview' : '$autocapture',
    timestamp: new Date(Date.UTC(2026, 0, 1, 12, 0, i * 5)).toISOString(),
    distinct_id: 'u1',
    properties: { $session_id: sessionId, $current_url: 'https://shop.example/p', $event_type: 'click' },
  }));

/** Serves `/<sessionId>.json`, failing with 503 as often as `failures` says; counts every request. */
class FlakySource {
  readonly requests = new Map<string, number>();
  readonly failures = new Map<string, number>();
  private server?: Server;
  base = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const sessionId = (request.url ?? '').slice(1).replace(/\.json$/, '');
      this.requests.set(sessionId, (this.requests.get(sessionId) ?? 0) + 1);
      const left = this.failures.get(sessionId) ?? 0;
      if (left > 0) {
        this.failures.set(sessionId, left - 1);
        response.writeHead(503).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(events(sessionId)));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** A store whose writes of one key fail once, as a Redis failover would. */
class StoreWithFailover extends MemoryStateStore {
  constructor(private failingKeyPart: string) {
    super();
  }

  override async set(key: string, value: Buffer | string, options?: { ttlSeconds?: number }): Promise<void> {
    if (key.includes(this.failingKeyPart)) {
      this.failingKeyPart = '\u0000never';
      throw new StateStoreError('STATE_UNAVAILABLE', 'redis failover in progress');
    }
    return super.set(key, value, options);
  }
}

describe('ingest, one session at a time', () => {
  const source = new FlakySource();
  let harness: IngestHarness;
  const env = {
    PAYLOAD_HTTP_ALLOWED_HOSTS: '127.0.0.1',
    PAYLOAD_HTTP_ALLOW_PRIVATE: 'true',
    INGEST_SESSION_ATTEMPTS: '3',
  };
  const batch = (reportId: string, sessionIds: string[]) => ({
    reportId,
    sessions: sessionIds.map((sessionId) => ({ sessionId, events: `${source.base}/${sessionId}.json` })),
  });

  beforeAll(() => source.start());
  afterAll(() => source.stop());
  afterEach(() => harness?.stop());

  it("retries a session's passing failure without loading the other sessions again", async () => {
    harness = await new IngestHarness(env).start();
    source.failures.set('a1', 2);
    await harness.publish(batch('r-retry', ['a1', 'b1', 'c1']));
    await harness.waitForAnswers('r-retry', 3);

    expect([...harness.answers('r-retry').values()].map((a) => ('status' in a ? a.status : 'job'))).toEqual([
      'job',
      'job',
      'job',
    ]);
    expect(Object.fromEntries(source.requests)).toMatchObject({ a1: 3, b1: 1, c1: 1 });
  });

  it('fails a session whose source keeps failing and goes on with the batch', async () => {
    harness = await new IngestHarness(env).start();
    source.failures.set('a2', 100);
    await harness.publish(batch('r-down', ['a2', 'b2']));
    await harness.waitForAnswers('r-down', 2);

    const answer = harness.answers('r-down').get('a2') as SessionResult;
    expect(answer).toMatchObject({ status: 'failed' });
    expect(answer.status === 'failed' && answer.reason).toMatch(
      /^could not load the session: .*a2\.json: HTTP 503.*\(gave up after 3 attempts\)$/,
    );
    expect((harness.answers('r-down').get('b2') as SessionJob).eventsRef).toBeDefined();
    expect(harness.deadLetters).toEqual([]);
  });

  it('resumes a batch delivered again after a store failure: sessions already sent are not loaded or sent twice', async () => {
    harness = await new IngestHarness(env, new StoreWithFailover('session:c3:events')).start();
    await harness.publish(batch('r-resume', ['a3', 'b3', 'c3']));
    await harness.waitForAnswers('r-resume', 3);

    expect(Object.fromEntries(source.requests)).toMatchObject({ a3: 1, b3: 1, c3: 2 });
    const sent = harness.jobs.filter((job) => job.reportId === 'r-resume').map((job) => job.sessionId);
    expect(sent.sort()).toEqual(['a3', 'b3', 'c3']);
  });
});
