import {
  DeadLetter,
  dlqTopic,
  momentsTopic,
  PosthogEvent,
  SessionMoments,
  SessionResult,
  sessionJobsTopic,
  sessionResultsTopic,
} from '@sift/contracts';
import { consumeTopics, InMemoryTransport, topicRoute, TypedPublisher } from '@sift/messaging';
import { reportKeys, SummaryStore } from '@sift/reports';
import { EmbeddedPipeline, startEmbeddedPipeline } from '@sift/service-kit';
import { MemoryStateStore } from '@sift/state';
import { summarizerStage } from './summarizer.stage';
import { waitUntil } from '@sift/testing';

const quiet = { debug: () => undefined, log: () => undefined, warn: () => undefined, error: () => undefined };
const HASH = 'b'.repeat(64);

function event(n: number, event: string, properties: Record<string, unknown>): PosthogEvent {
  return {
    uuid: `e${n}`,
    event,
    timestamp: new Date(Date.UTC(2026, 0, 1, 12, 0, n * 5)).toISOString(),
    distinct_id: 'u1',
    properties: {
      $session_id: 's1',
      $current_url: 'https://shop.example/checkout',
      $pathname: '/checkout',
      ...properties,
    },
  };
}

const checkoutCrash: PosthogEvent[] = [
  event(0, '$pageview', {}),
  event(1, '$autocapture', { $event_type: 'click', $elements_chain: 'button:attr__id="pay"text="Pay now"' }),
  event(2, '$exception', { $exception_list: [{ type: 'TypeError', value: 'token is undefined' }] }),
  event(6, '$pageleave', {}),
];

describe('summarizer stage', () => {
  let transport: InMemoryTransport;
  let store: MemoryStateStore;
  let pipeline: EmbeddedPipeline;
  const results: SessionResult[] = [];
  const moments: SessionMoments[] = [];
  const dead: DeadLetter[] = [];

  beforeEach(async () => {
    results.length = moments.length = dead.length = 0;
    transport = new InMemoryTransport();
    store = new MemoryStateStore();
    pipeline = await startEmbeddedPipeline({ stages: [summarizerStage], transport, store, logger: false });
    await consumeTopics(transport, {
      groupId: 'observer',
      logger: quiet,
      deadLetters: { send: async () => undefined },
      routes: [
        topicRoute(sessionResultsTopic, async (value) => void results.push(value)),
        topicRoute(momentsTopic, async (value) => void moments.push(value)),
        topicRoute(dlqTopic, async (value) => void dead.push(value)),
      ],
    });
  });
  afterEach(async () => {
    await pipeline.stop();
    await transport.close();
  });

  async function summarize(sessionId: string, events: PosthogEvent[] | undefined, recording: boolean) {
    const eventsRef = reportKeys.sessionEvents('r1', sessionId);
    if (events) await store.setJson(eventsRef, events);
    const recordingRef = recording ? reportKeys.sessionRecording('r1', sessionId) : undefined;
    await new TypedPublisher(transport).publish(sessionJobsTopic, sessionId, {
      reportId: 'r1',
      sessionId,
      eventsRef,
      ...(recordingRef ? { recordingRef } : {}),
      contentHash: HASH,
    });
  }

  it('sends a blocking error with a recording to video validation', async () => {
    await summarize('s1', checkoutCrash, true);
    await waitUntil('a moment', () => moments.length > 0);
    expect(moments[0]).toMatchObject({
      reportId: 'r1',
      sessionId: 's1',
      summaryRef: reportKeys.summary('r1', 's1'),
    });
    expect(moments[0].moments).toEqual([
      expect.objectContaining({ eventId: 'e2', flag: 'blocking-exception' }),
    ]);
    expect(results).toEqual([]);
  });

  it('finishes a session without a recording itself, saying why its moments were not validated', async () => {
    await summarize('s2', checkoutCrash, false);
    await waitUntil('a session result', () => results.length > 0);
    expect(results[0]).toMatchObject({ status: 'succeeded', summaryRef: reportKeys.summary('r1', 's2') });
    const summary = await new SummaryStore(store).load(reportKeys.summary('r1', 's2'));
    const flagged = summary.keyActions
      .flatMap((group) => group.events)
      .find((action) => action.eventId === 'e2');
    expect(flagged?.validation).toEqual({
      status: 'skipped',
      reason: 'the session has no recording to render a clip from',
    });
  });

  it('reports a session it cannot summarize as failed and dead-letters the job', async () => {
    await summarize('s3', undefined, false);
    await waitUntil('a session result and a dead letter', () => results.length > 0 && dead.length > 0);
    expect(results[0]).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/no session events/),
    });
    expect(dead[0]).toMatchObject({
      errorCode: 'SESSION_EVENTS_MISSING',
      sourceTopic: 'sift.session-jobs.v1',
    });
  });
});
