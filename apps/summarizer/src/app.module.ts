import { Module } from '@nestjs/common';

/** The summarizer service; its topic consumers are registered here. */
@Module({})
export class SummarizerModule {}
