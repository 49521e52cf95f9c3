export { patternExtractorStage } from './pattern-extractor.stage';
