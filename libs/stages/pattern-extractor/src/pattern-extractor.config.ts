import { z } from 'zod';

/** The pattern extractor's own settings; model-based extraction brings its token budget here. */
export const patternExtractorConfigSchema = z.object({});
export type PatternExtractorConfig = z.output<typeof patternExtractorConfigSchema>;
