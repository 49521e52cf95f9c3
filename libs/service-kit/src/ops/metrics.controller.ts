import { Controller, Get, Header } from '@nestjs/common';
import { Registry } from 'prom-client';
import { ServiceMetrics } from './service-metrics';

@Controller()
export class MetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @Get('metrics')
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
