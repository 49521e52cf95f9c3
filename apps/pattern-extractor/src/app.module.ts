import { Module } from '@nestjs/common';

/** The pattern-extractor service; its topic consumers are registered here. */
@Module({})
export class PatternExtractorModule {}
