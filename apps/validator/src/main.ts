import 'reflect-metadata';
import { runService } from '@sift/service-kit';
import { ValidatorModule } from './app.module';
import { validatorEnvSchema } from './config/env.schema';

void runService({ name: 'validator', module: ValidatorModule, envSchema: validatorEnvSchema });
