import 'reflect-metadata';
import { runService } from '@sift/service-kit';
import { IngestModule } from './app.module';
import { ingestEnvSchema } from './config/env.schema';

void runService({ name: 'ingest', module: IngestModule, envSchema: ingestEnvSchema });
