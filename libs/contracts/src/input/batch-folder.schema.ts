import { z } from 'zod';
import { reportIdSchema } from '../shared/ids.schema';
import { productSchema, questionSchema } from './batch-manifest.schema';

/** File and folder names of a batch folder (DESIGN §2): `<batch>/sessions/<sessionId>/events.jsonl`, ... */
export const BATCH_FOLDER_LAYOUT = {
  batchFile: 'batch.json',
  sessionsDir: 'sessions',
  eventsFile: 'events.jsonl',
  recordingFile: 'recording.json',
} as const;

/**
 * `<batch>/batch.json`, optional. Strict: a misspelt key (e.g. `questoin`) is an error rather than
 * silently ignored. Without `reportId` the CLI generates one.
 */
export const batchFolderSchema = z.strictObject({
  reportId: reportIdSchema.optional(),
  question: questionSchema.optional(),
  product: productSchema.optional(),
});
export type BatchFolder = z.output<typeof batchFolderSchema>;
