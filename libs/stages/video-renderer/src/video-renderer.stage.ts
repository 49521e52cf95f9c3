import { definePipelineStage } from '@sift/service-kit';
import { videoRendererConfigSchema } from './video-renderer.config';
import { VideoRendererModule } from './video-renderer.module';

export const videoRendererStage = definePipelineStage({
  name: 'video-renderer',
  configSchema: videoRendererConfigSchema,
  module: (config) => VideoRendererModule.forRoot(config),
});
