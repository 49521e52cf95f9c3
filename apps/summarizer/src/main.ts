import 'reflect-metadata';
import { runService } from '@sift/service-kit';
import { summarizerStage } from '@sift/stages/summarizer';

void runService(summarizerStage);
