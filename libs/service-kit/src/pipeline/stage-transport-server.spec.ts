import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions, Payload } from '@nestjs/microservices';
import { SessionJob, sessionJobsTopic } from '@sift/contracts';
import { ConsumeTopic, InMemoryTransport } from '@sift/messaging';
import { ServiceMetrics } from '../ops/service-metrics';
import { createStageServer } from './stage-transport-server';

@Controller()
class StrayJobsConsumer {
  @ConsumeTopic(sessionJobsTopic)
  async handle(@Payload() _job: SessionJob): Promise<void> {
    return undefined;
  }
}

@Module({ controllers: [StrayJobsConsumer] })
class StrayModule {}

const quiet = { debug: () => undefined, log: () => undefined, warn: () => undefined, error: () => undefined };

describe('createStageServer', () => {
  it("refuses a handler for a topic the stage's topology does not consume", async () => {
    // The aggregator consumes session and pattern results, never session jobs.
    const server = createStageServer('aggregator', {
      transport: new InMemoryTransport(),
      metrics: new ServiceMetrics('aggregator'),
      logger: quiet,
      concurrency: 1,
    });
    const app = await NestFactory.createMicroservice<MicroserviceOptions>(StrayModule, {
      strategy: server,
      logger: false,
    });
    await expect(app.listen()).rejects.toThrow(
      "@ConsumeTopic('sift.session-jobs.v1') is not one of the topics this consumer reads " +
        '(sift.session-results.v1, sift.pattern-results.v1)',
    );
    await app.close();
  });
});
