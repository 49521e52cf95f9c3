import { DynamicModule, Module } from '@nestjs/common';
import { ClipValidationService } from './clip-validation.service';
import { ClipsConsumer } from './clips.consumer';
import { ValidatorConfig } from './validator.config';

@Module({})
export class ValidatorModule {
  static forRoot(_config: ValidatorConfig): DynamicModule {
    return { module: ValidatorModule, controllers: [ClipsConsumer], providers: [ClipValidationService] };
  }
}
