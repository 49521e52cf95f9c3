import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, MicroserviceOptions, Payload } from '@nestjs/microservices';
import { defineTopic, TopicValue } from '@sift/contracts';
import { z } from 'zod';
import { SiftError } from '@sift/errors';
import { FailedDelivery } from '../consumer/dead-letter.types';
import { InMemoryTransport } from '../in-memory/in-memory.transport';
import { TypedPublisher } from '../publisher/typed-publisher';
import { ConsumeTopic } from './consume-topic.decorator';
import { OnRejected } from './on-rejected.decorator';
import { RejectedMessage } from '../consumer/topic-route';
import { RethrowRpcErrorsFilter } from './rethrow-rpc-errors.filter';
import { SiftMessageContext } from './sift-message.context';
import { SiftTransportServer } from './sift-transport.server';
import { waitUntil } from '@sift/testing';

const greetingsTopic = defineTopic({
  topic: 'sift.greetings.v1',
  key: z.string(),
  value: z.strictObject({ name: z.string(), shout: z.boolean().default(false) }),
  keyedBy: 'name',
});

const rejections: RejectedMessage[] = [];
const received: Array<{ value: TopicValue<typeof greetingsTopic>; topic: string; key: string | null }> = [];

@Controller()
class GreetingsConsumer {
  @ConsumeTopic(greetingsTopic)
  async greet(@Payload() value: TopicValue<typeof greetingsTopic>, @Ctx() context: SiftMessageContext) {
    if (value.name === 'mallory') throw SiftError.fatal('FORBIDDEN_NAME', 'mallory is not welcome');
    received.push({ value, topic: context.getTopic(), key: context.getKey() });
  }

  @OnRejected(greetingsTopic)
  async rejected(@Payload() rejection: RejectedMessage) {
    rejections.push(rejection);
  }
}

@Module({ controllers: [GreetingsConsumer] })
class GreetingsModule {}

const quiet = { debug: () => undefined, log: () => undefined, warn: () => undefined, error: () => undefined };

describe('SiftTransportServer', () => {
  it('hands parsed payloads to @ConsumeTopic handlers, tells @OnRejected and dead-letters the rest', async () => {
    const transport = new InMemoryTransport();
    const deadLetters: FailedDelivery[] = [];
    const server = new SiftTransportServer({
      transport,
      groupId: 'greeter',
      topics: [greetingsTopic],
      logger: quiet,
      deadLetters: { send: async (letter) => void deadLetters.push(letter) },
      policy: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 1 },
    });
    const app = await NestFactory.createMicroservice<MicroserviceOptions>(GreetingsModule, {
      strategy: server,
      logger: false,
    });
    app.useGlobalFilters(new RethrowRpcErrorsFilter());
    await app.listen();

    const publisher = new TypedPublisher(transport);
    await publisher.publish(greetingsTopic, 'ada', { name: 'ada' });
    await publisher.publish(greetingsTopic, 'mallory', { name: 'mallory' });
    await transport.send(greetingsTopic.topic, [{ key: 'bob', value: '{"name": 42}' }]);
    await waitUntil(
      () =>
        `1 message, 2 dead letters and 2 rejections (got ${received.length}, ${deadLetters.length}, ${rejections.length})`,
      () => received.length >= 1 && deadLetters.length >= 2 && rejections.length >= 2,
    );
    await app.close();

    expect(received).toEqual([
      { value: { name: 'ada', shout: false }, topic: 'sift.greetings.v1', key: 'ada' },
    ]);
    expect(deadLetters.map((l) => [l.code, l.attempts])).toEqual(
      expect.arrayContaining([
        ['FORBIDDEN_NAME', 1],
        ['SCHEMA_INVALID', 1],
      ]),
    );
    const byKey = new Map(rejections.map((rejection) => [rejection.message.key?.toString(), rejection]));
    expect(byKey.size).toBe(2);
    expect(byKey.get('bob')).toMatchObject({ code: 'SCHEMA_INVALID', reason: expect.stringMatching(/name/) });
    expect(byKey.get('bob')?.value).toBeUndefined();
    expect(byKey.get('mallory')).toMatchObject({
      code: 'FORBIDDEN_NAME',
      reason: 'mallory is not welcome',
      value: { name: 'mallory', shout: false },
    });
  });

  it('refuses to start when a handler names a topic it does not know', async () => {
    const server = new SiftTransportServer({
      transport: new InMemoryTransport(),
      groupId: 'greeter',
      topics: [],
      logger: quiet,
      deadLetters: { send: async () => undefined },
    });
    const app = await NestFactory.createMicroservice<MicroserviceOptions>(GreetingsModule, {
      strategy: server,
      logger: false,
    });
    await expect(app.listen()).rejects.toThrow(/is not one of the topics this consumer reads \(none\)/);
    await app.close();
  });
});
