import { defineTopic } from '@sift/contracts';
import { z } from 'zod';
import { SiftError } from '@sift/errors';
import { OutgoingMessage } from '../transport/transport.types';
import { TypedPublisher } from './typed-publisher';

const scoresTopic = defineTopic({
  topic: 'sift.scores.v1',
  key: z.string().min(1),
  value: z.strictObject({ score: z.number().min(0) }),
  keyedBy: 'player',
});

describe('TypedPublisher', () => {
  const sent: Array<{ topic: string; messages: readonly OutgoingMessage[] }> = [];
  const publisher = new TypedPublisher({
    send: async (topic, messages) => void sent.push({ topic, messages }),
  });
  beforeEach(() => (sent.length = 0));

  it('parses the value by the topic schema and sends JSON', async () => {
    await publisher.publish(scoresTopic, 'ada', { score: 3 });
    expect(sent).toEqual([{ topic: 'sift.scores.v1', messages: [{ key: 'ada', value: '{"score":3}' }] }]);
  });

  it('refuses an invalid value before anything is sent, naming the field', async () => {
    const publishing = publisher.publish(scoresTopic, 'ada', { score: -1 });
    await expect(publishing).rejects.toBeInstanceOf(SiftError);
    await expect(publishing).rejects.toThrow(/sift\.scores\.v1 value.*score/s);
    expect(sent).toHaveLength(0);
  });

  it('ties the payload type to the topic at compile time', async () => {
    // @ts-expect-error a value of another shape does not compile for this topic
    await expect(publisher.publish(scoresTopic, 'ada', { points: 3 })).rejects.toThrow();
  });

  it('refuses a key that is not the one the topic derives from the value', async () => {
    const results = defineTopic({
      topic: 'sift.keyed.v1',
      key: z.string(),
      value: z.object({ reportId: z.string() }),
      keyedBy: 'reportId',
      keyOf: (value) => value.reportId,
    });
    await expect(publisher.publish(results, 'r2', { reportId: 'r1' })).rejects.toThrow(
      'refusing to publish to sift.keyed.v1 under key "r2": the topic is keyed by reportId ("r1")',
    );
    await publisher.publish(results, 'r1', { reportId: 'r1' });
    expect(sent).toHaveLength(1);
  });
});
