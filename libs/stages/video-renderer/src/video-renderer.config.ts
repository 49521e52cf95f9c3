import { z } from 'zod';

/** The video-renderer's own settings; rendering itself arrives with the replay work. */
export const videoRendererConfigSchema = z.object({});
export type VideoRendererConfig = z.output<typeof videoRendererConfigSchema>;
