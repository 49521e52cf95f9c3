import 'reflect-metadata';
import { runService } from '@sift/service-kit';
import { aggregatorStage } from '@sift/stages/aggregator';

void runService(aggregatorStage);
