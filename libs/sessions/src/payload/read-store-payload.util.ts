import { storeRefFromUri } from '@sift/contracts';
import { errorMessage } from '@sift/errors';
import type { StateStore } from '@sift/state';
import { PayloadError } from '../errors/payload.error';
import { byteSize, displayUri } from './payload-reason.util';
import type { PayloadSourcePolicy } from './payload-source-policy.util';

/**
 * Reads a `redis://<key>` payload from the state store under `policy`: only keys under one of
 * `policy.allowedStoreKeyPrefixes` (the uploads of the session being ingested), at most
 * `policy.maxPayloadBytes` long.
 */
export async function readStorePayload(
  uri: string,
  store: StateStore,
  policy: PayloadSourcePolicy,
): Promise<Buffer> {
  const shown = displayUri(uri);
  const key = storeRefFromUri(uri) ?? '';
  const refused = (rule: string): PayloadError =>
    new PayloadError('PAYLOAD_SOURCE_REFUSED', uri, `${shown}${rule}`);
  if (policy.allowedStoreKeyPrefixes.length === 0) {
    throw refused(': redis:// payloads are not allowed (no store key prefix is configured)');
  }
  if (!policy.allowedStoreKeyPrefixes.some((prefix) => key.startsWith(prefix))) {
    throw refused(
      ' is not under an allowed store key prefix (only the uploads of the session being ingested)',
    );
  }
  let raw: Buffer | null;
  try {
    raw = await store.get(key);
  } catch (error) {
    // Store errors say whether they are transient; anything else from a store is most likely a lost connection.
    const retriable =
      typeof error === 'object' && error !== null && 'retriable' in error ? error.retriable === true : true;
    throw new PayloadError(
      'PAYLOAD_STORE',
      uri,
      `${shown}: state store read failed: ${errorMessage(error)}`,
      {
        retriable,
        cause: error,
      },
    );
  }
  if (raw === null) {
    throw new PayloadError(
      'PAYLOAD_NOT_FOUND',
      uri,
      `${shown}: no value at store key "${key}" (never stored or expired)`,
    );
  }
  if (raw.length > policy.maxPayloadBytes) {
    throw new PayloadError(
      'PAYLOAD_TOO_LARGE',
      uri,
      `${shown}: the stored value is ${byteSize(raw.length)}, more than the payload limit of ${byteSize(policy.maxPayloadBytes)}`,
    );
  }
  return raw;
}
