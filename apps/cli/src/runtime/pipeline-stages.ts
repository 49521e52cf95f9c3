import { PipelineStage } from '@sift/service-kit';
import { aggregatorStage } from '@sift/stages/aggregator';
import { ingestStage } from '@sift/stages/ingest';
import { patternExtractorStage } from '@sift/stages/pattern-extractor';
import { summarizerStage } from '@sift/stages/summarizer';
import { validatorStage } from '@sift/stages/validator';
import { videoRendererStage } from '@sift/stages/video-renderer';

/** All six stages, in pipeline order, for the embedded mode. */
export const PIPELINE_STAGES: readonly PipelineStage[] = [
  ingestStage,
  summarizerStage,
  videoRendererStage,
  validatorStage,
  patternExtractorStage,
  aggregatorStage,
] as PipelineStage[];
