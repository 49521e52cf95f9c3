import 'reflect-metadata';
import { runService } from '@sift/service-kit';
import { ingestStage } from '@sift/stages/ingest';

void runService(ingestStage);
