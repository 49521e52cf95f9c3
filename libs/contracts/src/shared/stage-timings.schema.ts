import { z } from 'zod';

/** Wall-clock durations: the total and per stage name (e.g. `ingest`, `summarize`, `patterns`), in ms. */
export const stageTimingsSchema = z.strictObject({
  totalMs: z.number().nonnegative(),
  byStage: z.record(z.string().min(1), z.number().nonnegative()),
});
export type StageTimings = z.output<typeof stageTimingsSchema>;
