export { videoRendererStage } from './video-renderer.stage';
export { RENDERING_NOT_ENABLED } from './clip-rendering.service';
