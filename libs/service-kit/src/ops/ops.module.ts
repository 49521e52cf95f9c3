import { DynamicModule, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { ReadinessState } from './readiness.state';
import { ServiceMetrics } from './service-metrics';

/** `/health`, `/ready` and `/metrics` on the service's HTTP port. */
@Module({})
export class OpsModule {
  static forService(metrics: ServiceMetrics, readiness: ReadinessState): DynamicModule {
    return {
      module: OpsModule,
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: ServiceMetrics, useValue: metrics },
        { provide: ReadinessState, useValue: readiness },
      ],
      exports: [ServiceMetrics, ReadinessState],
    };
  }
}
