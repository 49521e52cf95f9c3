import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ReadinessState } from './readiness.state';

@Controller()
export class HealthController {
  constructor(private readonly readiness: ReadinessState) {}

  /** Liveness: the process answers. */
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the consumer is running and the service is not shutting down. */
  @Get('ready')
  ready(): { status: 'ready'; reason: string } {
    const { ready, reason } = this.readiness.status;
    if (!ready) throw new ServiceUnavailableException({ status: 'not-ready', reason });
    return { status: 'ready', reason };
  }
}
