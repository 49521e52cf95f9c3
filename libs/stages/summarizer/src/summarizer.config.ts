import { MOMENT_FLAGS, momentFlagSchema } from '@sift/contracts';
import { z } from 'zod';

export const summarizerConfigSchema = z.object({
  /** Which flagged moments go to video validation (DESIGN §1.2: blocking errors, optionally more). */
  SUMMARIZER_VALIDATE_FLAGS: z
    .string()
    .default('blocking-exception')
    .transform((value) =>
      value
        .split(',')
        .map((flag) => flag.trim())
        .filter(Boolean),
    )
    .pipe(z.array(momentFlagSchema, { error: `each flag must be one of ${MOMENT_FLAGS.join(', ')}` })),
});
export type SummarizerConfig = z.output<typeof summarizerConfigSchema>;
export const SUMMARIZER_CONFIG = Symbol('SUMMARIZER_CONFIG');
