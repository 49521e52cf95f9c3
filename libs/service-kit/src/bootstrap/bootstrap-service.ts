import { INestApplication, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions } from '@nestjs/microservices';
import { TOPOLOGY } from '@sift/contracts';
import { errorMessage } from '@sift/errors';
import { KafkaTransport } from '@sift/messaging';
import { RedisStateStore } from '@sift/state';
import { ReadinessState } from '../ops/readiness.state';
import { ServiceMetrics } from '../ops/service-metrics';
import { parseServiceEnv } from '../config/service-env.schema';
import { PipelineStage } from '../pipeline/pipeline-stage';
import { createStageServer } from '../pipeline/stage-transport-server';
import { ServiceRootModule } from './service-root.module';
import { serviceTopicSpecs } from './service-topics.util';

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export interface RunningService {
  readonly app: INestApplication;
  readonly httpUrl: string;
  /** Graceful stop: not ready, stop fetching, finish in-flight handlers and commit, then disconnect. */
  shutdown(): Promise<void>;
  /** Resolves with the error if the consumer stops for good on its own; the process should then exit. */
  readonly failed: Promise<unknown>;
}

/**
 * Starts one service as a NestJS hybrid app: a Sift transport microservice on Kafka, a Redis state store,
 * and an HTTP port for `/health`, `/ready` and `/metrics`. A bad environment throws `EnvError` before
 * anything connects.
 */
export async function bootstrapService(
  definition: PipelineStage,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningService> {
  const { base: config, stage: stageConfig } = parseServiceEnv(definition, env);
  const logger = new Logger(`sift-${definition.name}`);
  const transport = new KafkaTransport({
    brokers: config.KAFKA_BROKERS,
    clientId: config.KAFKA_CLIENT_ID ?? `sift-${definition.name}`,
    logger,
    sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
    heartbeatIntervalMs: config.KAFKA_HEARTBEAT_INTERVAL_MS,
    rebalanceTimeoutMs: config.KAFKA_REBALANCE_TIMEOUT_MS,
  });
  const store = new RedisStateStore(config.REDIS_URL);
  const metrics = new ServiceMetrics(definition.name);
  const readiness = new ReadinessState();

  const app = await NestFactory.create(
    ServiceRootModule.compose({
      feature: definition.module(stageConfig),
      transport,
      store,
      metrics,
      readiness,
      consumerGroup: TOPOLOGY[definition.name].consumerGroup,
    }),
    { logger: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.LOG_LEVEL) + 1) },
  );
  const { consumerGroup } = TOPOLOGY[definition.name];
  const server = createStageServer(definition.name, {
    transport,
    metrics,
    logger,
    concurrency: config.CONSUMER_CONCURRENCY,
    policy: { maxAttempts: config.DELIVERY_MAX_ATTEMPTS, retryBudgetMs: config.DELIVERY_RETRY_BUDGET_MS },
    inputStartAt: config.INPUT_TOPIC_START,
  });
  const failed = new Promise<unknown>((resolve) => server.onFailure(resolve));
  void failed.then((error) => {
    logger.error(`the consumer stopped for good: ${errorMessage(error)}`);
  });
  readiness.watch(() => {
    const { healthy, reason } = server.health();
    return { ready: healthy, reason };
  });
  app.connectMicroservice<MicroserviceOptions>({ strategy: server }, { inheritAppConfig: false });

  await transport.ensureTopics(serviceTopicSpecs(definition.name, config.TOPIC_PARTITIONS));
  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  readiness.markReady();
  const httpUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  logger.log(`ready: consuming as ${consumerGroup}, HTTP on ${httpUrl}`);

  let stopping: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    stopping ??= (async () => {
      readiness.markStopping();
      await server.close();
      await app.close();
      await transport.close();
      await store.close();
      logger.log('stopped');
    })();
    return stopping;
  };
  return { app, httpUrl, shutdown, failed };
}
