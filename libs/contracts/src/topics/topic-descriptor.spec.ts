import { z } from 'zod';
import { defineTopic } from './topic-descriptor';

describe('defineTopic', () => {
  const value = z.strictObject({ id: z.string() });

  it('rejects a topic name without the sift.<name>.v<N> shape', () => {
    for (const topic of ['orders', 'sift.orders', 'sift.Orders.v1', 'sift.orders.v']) {
      expect(() => defineTopic({ topic, key: z.string(), value, keyedBy: 'id' })).toThrow(
        /sift\.<name>\.v<N>/,
      );
    }
  });

  it('returns a frozen descriptor that keeps the literal name and key derivation', () => {
    const topic = defineTopic({
      topic: 'sift.orders.v1',
      key: z.string(),
      value,
      keyedBy: 'id',
      keyOf: (order) => order.id,
    });
    const name: 'sift.orders.v1' = topic.topic;
    expect(name).toBe('sift.orders.v1');
    expect(Object.isFrozen(topic)).toBe(true);
    expect(topic.keyOf?.({ id: 'o-1' })).toBe('o-1');
  });
});
