import { z } from 'zod';

/** The validator's own settings; the multimodal model arrives with the video work. */
export const validatorConfigSchema = z.object({});
export type ValidatorConfig = z.output<typeof validatorConfigSchema>;
