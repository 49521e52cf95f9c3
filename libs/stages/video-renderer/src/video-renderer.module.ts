import { DynamicModule, Module } from '@nestjs/common';
import { ClipRenderingService } from './clip-rendering.service';
import { MomentsConsumer } from './moments.consumer';
import { VideoRendererConfig } from './video-renderer.config';

@Module({})
export class VideoRendererModule {
  static forRoot(_config: VideoRendererConfig): DynamicModule {
    return { module: VideoRendererModule, controllers: [MomentsConsumer], providers: [ClipRenderingService] };
  }
}
