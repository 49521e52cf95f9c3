import 'reflect-metadata';
import { runService } from '@sift/service-kit';
import { SummarizerModule } from './app.module';
import { summarizerEnvSchema } from './config/env.schema';

void runService({ name: 'summarizer', module: SummarizerModule, envSchema: summarizerEnvSchema });
