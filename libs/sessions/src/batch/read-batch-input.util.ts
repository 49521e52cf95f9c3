import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MAX_SESSIONS_PER_BATCH } from '@sift/contracts';
import { BatchInputError } from '../errors/batch-input.error';
import { readBatchFolder } from './batch-folder.util';
import type { BatchInput } from './batch-input.types';
import { readEventsExport } from './events-export.util';

/**
 * Lists the sessions of a batch folder (DESIGN §2) or of a single PostHog events export (JSON array or
 * JSONL, grouped by `properties.$session_id`). Folder payloads are located but not read, so big batches
 * stay cheap; an export is read once to group it. Throws a {@link BatchInputError} naming the path.
 */
export async function readBatchInput(path: string): Promise<BatchInput> {
  const absolute = resolve(path);
  const stats = await stat(absolute).catch((error: unknown) => {
    throw new BatchInputError('BATCH_NOT_FOUND', `batch input ${absolute} does not exist or cannot be read`, {
      cause: error,
    });
  });
  const input = stats.isDirectory() ? await readBatchFolder(absolute) : await readEventsExport(absolute);
  if (input.sessions.length === 0) {
    throw new BatchInputError('BATCH_EMPTY', `batch ${absolute} has no sessions`);
  }
  if (input.sessions.length > MAX_SESSIONS_PER_BATCH) {
    throw new BatchInputError(
      'BATCH_TOO_LARGE',
      `batch ${absolute} has ${input.sessions.length} sessions; at most ${MAX_SESSIONS_PER_BATCH} fit in one batch`,
    );
  }
  return input;
}
