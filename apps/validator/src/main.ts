import 'reflect-metadata';
import { runService } from '@sift/service-kit';
import { validatorStage } from '@sift/stages/validator';

void runService(validatorStage);
