import { INestMicroservice, Logger, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions } from '@nestjs/microservices';
import { TOPIC_NAMES, TOPOLOGY } from '@sift/contracts';
import { DeliveryPolicy, MessageTransport } from '@sift/messaging';
import { StateStore } from '@sift/state';
import { parseEnv } from '../config/parse-env';
import { ReadinessState } from '../ops/readiness.state';
import { ServiceMetrics } from '../ops/service-metrics';
import { ServiceRootModule } from '../bootstrap/service-root.module';
import { PipelineStage } from './pipeline-stage';
import { createStageServer } from './stage-transport-server';

export interface EmbeddedPipelineOptions {
  readonly stages: readonly PipelineStage[];
  readonly transport: MessageTransport;
  readonly store: StateStore;
  /** Stage configuration is read from here (defaults apply for anything unset). */
  readonly env?: NodeJS.ProcessEnv;
  readonly logger?: LoggerService | LogLevel[] | false;
  readonly concurrency?: number;
  readonly partitions?: number;
  readonly policy?: Partial<DeliveryPolicy>;
  /** Appended to every stage's consumer group: tests use it to run replicas as groups of their own. */
  readonly groupIdSuffix?: string;
}

export interface EmbeddedPipeline {
  readonly metrics: ReadonlyMap<string, ServiceMetrics>;
  /** Stops every stage: consumers first (in-flight work finishes), then the Nest contexts. */
  stop(): Promise<void>;
}

/** Runs the stages in this process, each as its own Nest microservice and consumer group. */
export async function startEmbeddedPipeline(options: EmbeddedPipelineOptions): Promise<EmbeddedPipeline> {
  const partitions = options.partitions ?? 6;
  await options.transport.ensureTopics(TOPIC_NAMES.map((topic) => ({ topic, partitions })));
  const apps: INestMicroservice[] = [];
  const metrics = new Map<string, ServiceMetrics>();
  for (const stage of options.stages) {
    const config = parseEnv(stage.name, stage.configSchema, options.env ?? {});
    const stageMetrics = new ServiceMetrics(stage.name);
    metrics.set(stage.name, stageMetrics);
    const server = createStageServer(stage.name, {
      transport: options.transport,
      metrics: stageMetrics,
      logger: new Logger(`sift-${stage.name}`),
      concurrency: options.concurrency ?? 4,
      policy: options.policy,
      groupIdSuffix: options.groupIdSuffix,
    });
    const root = ServiceRootModule.compose({
      feature: stage.module(config),
      transport: options.transport,
      store: options.store,
      metrics: stageMetrics,
      readiness: new ReadinessState(),
      consumerGroup: TOPOLOGY[stage.name].consumerGroup + (options.groupIdSuffix ?? ''),
    });
    const app = await NestFactory.createMicroservice<MicroserviceOptions>(root, {
      strategy: server,
      logger: options.logger ?? ['error', 'warn'],
    });
    await app.listen();
    apps.push(app);
  }
  return {
    metrics,
    stop: async () => {
      await Promise.all(apps.map((app) => app.close()));
    },
  };
}
