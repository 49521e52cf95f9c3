import 'reflect-metadata';
import { runService } from '@sift/service-kit';
import { videoRendererStage } from '@sift/stages/video-renderer';

void runService(videoRendererStage);
