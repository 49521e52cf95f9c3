import 'reflect-metadata';
import { runService } from '@sift/service-kit';
import { patternExtractorStage } from '@sift/stages/pattern-extractor';

void runService(patternExtractorStage);
