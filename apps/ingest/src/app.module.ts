import { Module } from '@nestjs/common';

/** The ingest service; its topic consumers are registered here. */
@Module({})
export class IngestModule {}
