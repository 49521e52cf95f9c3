import { Module } from '@nestjs/common';

/** The aggregator service; its topic consumers are registered here. */
@Module({})
export class AggregatorModule {}
