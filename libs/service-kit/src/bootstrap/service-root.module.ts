import { DynamicModule, Module, Type } from '@nestjs/common';
import { MessageTransport, MessagingModule } from '@sift/messaging';
import { StateStore } from '@sift/state';
import { OpsModule } from '../ops/ops.module';
import { ReadinessState } from '../ops/readiness.state';
import { ServiceMetrics } from '../ops/service-metrics';
import { StateStoreModule } from '../state/state-store.module';

export interface ServiceRootParts {
  readonly feature: Type<unknown> | DynamicModule;
  readonly transport: MessageTransport;
  readonly store: StateStore;
  readonly metrics: ServiceMetrics;
  readonly readiness: ReadinessState;
  /** The consumer group the stage reads as (its replicas share it). */
  readonly consumerGroup: string;
}

/** Injection token of the consumer group this stage reads as, for stages that measure their own lag. */
export const CONSUMER_GROUP = Symbol('CONSUMER_GROUP');

/** Wires one service: its feature module plus messaging, state and the ops endpoints. */
@Module({})
export class ServiceRootModule {
  static compose(parts: ServiceRootParts): DynamicModule {
    return {
      module: ServiceRootModule,
      global: true,
      imports: [
        MessagingModule.forTransport(parts.transport),
        StateStoreModule.forStore(parts.store),
        OpsModule.forService(parts.metrics, parts.readiness),
        parts.feature,
      ],
      providers: [{ provide: CONSUMER_GROUP, useValue: parts.consumerGroup }],
      exports: [CONSUMER_GROUP],
    };
  }
}
