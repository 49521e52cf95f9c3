import { Module } from '@nestjs/common';

/** The video-renderer service; its topic consumers are registered here. */
@Module({})
export class VideoRendererModule {}
