import { errorMessage } from '@sift/errors';
import { MemoryStateStore } from '@sift/state';
import { PayloadError } from '../errors/payload.error';
import type { NormalizeResult } from '../normalize/normalized-session.schema';
import { normalizeSession } from '../normalize/normalize-session.util';
import type { PayloadSourcePolicy } from '../payload/payload-source-policy.util';
import { resolvePayload } from '../payload/resolve-payload.util';
import type { BatchInputSession, PayloadSource } from './batch-input.types';
import { fileUriFor } from './batch-manifest.util';

// Local files and inline arrays never touch the store; resolvePayload only needs one to exist.
const NO_STORE = new MemoryStateStore();

/**
 * Loads and normalizes one session of a batch read from disk, in this process (what `--dry-run` and the
 * token benchmark do without the pipeline). A payload that cannot be loaded is the session's reason.
 */
export async function normalizeBatchSession(
  session: BatchInputSession,
  policy: PayloadSourcePolicy,
): Promise<NormalizeResult> {
  try {
    const [events, recording] = await Promise.all([
      load(session.events, policy),
      load(session.recording, policy),
    ]);
    return normalizeSession({ sessionId: session.sessionId, events, recording });
  } catch (error) {
    if (!(error instanceof PayloadError)) throw error;
    return { ok: false, reason: `could not load the session: ${errorMessage(error)}` };
  }
}

function load(source: PayloadSource | undefined, policy: PayloadSourcePolicy): Promise<unknown> {
  if (source === undefined) return Promise.resolve(undefined);
  if (source.kind === 'inline') return Promise.resolve(source.value);
  return resolvePayload(fileUriFor(source), NO_STORE, policy);
}
