import { clipsTopic, SessionResult, sessionResultsTopic } from '@sift/contracts';
import { consumeTopics, InMemoryTransport, topicRoute, TypedPublisher } from '@sift/messaging';
import { reportKeys } from '@sift/reports';
import { startEmbeddedPipeline } from '@sift/service-kit';
import { MemoryStateStore } from '@sift/state';
import { validatorStage } from './validator.stage';
import { waitUntil } from '@sift/testing';

const quiet = { debug: () => undefined, log: () => undefined, warn: () => undefined, error: () => undefined };

describe('validator stage', () => {
  it('reports a session whose summary is gone as failed, so the report still closes', async () => {
    const transport = new InMemoryTransport();
    const pipeline = await startEmbeddedPipeline({
      stages: [validatorStage],
      transport,
      store: new MemoryStateStore(),
      logger: false,
    });
    const results: SessionResult[] = [];
    await consumeTopics(transport, {
      groupId: 'observer',
      logger: quiet,
      deadLetters: { send: async () => undefined },
      routes: [topicRoute(sessionResultsTopic, async (value) => void results.push(value))],
    });
    await new TypedPublisher(transport).publish(clipsTopic, 's1', {
      reportId: 'r1',
      sessionId: 's1',
      summaryRef: reportKeys.summary('r1', 's1'),
      moments: [
        {
          eventId: 'e1',
          timestamp: '2026-01-01T00:00:00.000Z',
          flag: 'blocking-exception',
          description: 'TypeError',
          renderError: 'clip rendering not enabled yet',
        },
      ],
    });
    await waitUntil('a session result', () => results.length > 0);
    expect(results[0]).toMatchObject({
      sessionId: 's1',
      status: 'failed',
      reason: expect.stringMatching(/video validation failed: no session summary/),
    });
    await pipeline.stop();
    await transport.close();
  });
});
