import 'reflect-metadata';
import { runService } from '@sift/service-kit';
import { VideoRendererModule } from './app.module';
import { videoRendererEnvSchema } from './config/env.schema';

void runService({ name: 'video-renderer', module: VideoRendererModule, envSchema: videoRendererEnvSchema });
