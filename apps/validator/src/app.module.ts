import { Module } from '@nestjs/common';

/** The validator service; its topic consumers are registered here. */
@Module({})
export class ValidatorModule {}
