import { SiftError } from '@sift/errors';

/** Stable, machine-readable reasons a batch folder or events export cannot be read. */
export type BatchInputErrorCode =
  /** The path does not exist or cannot be inspected. */
  | 'BATCH_NOT_FOUND'
  /** `batch.json` cannot be read, is not JSON or does not match `batchFolderSchema`. */
  | 'BATCH_FILE_INVALID'
  /** The folder has no `sessions/` directory. */
  | 'SESSIONS_DIR_MISSING'
  /** Something in `sessions/` is not a session folder with a valid sessionId as its name. */
  | 'SESSION_FOLDER_INVALID'
  /** The export file cannot be read or parsed. */
  | 'EXPORT_INVALID'
  /** A `$session_id` in an export is not a valid sessionId. */
  | 'SESSION_ID_INVALID'
  /** No session at all, or none with a payload. */
  | 'BATCH_EMPTY'
  /** More sessions than one batch may hold. */
  | 'BATCH_TOO_LARGE'
  /** The manifest built from the input does not match `batchManifestSchema`. */
  | 'MANIFEST_INVALID';

/**
 * A batch that cannot be used as a whole. Never retriable: the input itself is wrong, and the message
 * names the offending path so a user can fix it.
 */
export class BatchInputError extends SiftError {
  declare readonly code: BatchInputErrorCode;

  constructor(code: BatchInputErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, { retriable: false, cause: options.cause });
  }
}
