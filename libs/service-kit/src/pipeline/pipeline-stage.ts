import { DynamicModule } from '@nestjs/common';
import { ServiceName } from '@sift/contracts';
import { z } from 'zod';

/** Shape of a stage's own environment variables (each with a default, so the embedded mode needs none). */
export type StageConfigSchema = z.ZodObject<Record<string, z.ZodType>>;

/**
 * One pipeline stage as a unit both runtimes can start: as its own service (an app's `main.ts`) or next
 * to the other five in one process (`sift analyze`).
 */
export interface PipelineStage<S extends StageConfigSchema = StageConfigSchema> {
  readonly name: ServiceName;
  readonly configSchema: S;
  /** The stage's consumers and their dependencies, configured. */
  module(config: z.output<S>): DynamicModule;
}

/** Lets a stage's config type flow from its schema into `module` without annotations at the call site. */
export function definePipelineStage<S extends StageConfigSchema>(stage: PipelineStage<S>): PipelineStage<S> {
  return stage;
}
