import 'reflect-metadata';
import { runService } from '@sift/service-kit';
import { AggregatorModule } from './app.module';
import { aggregatorEnvSchema } from './config/env.schema';

void runService({ name: 'aggregator', module: AggregatorModule, envSchema: aggregatorEnvSchema });
