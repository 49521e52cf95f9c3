import { uriSchema, uriSchemeOf } from '@sift/contracts';
import type { StateStore } from '@sift/state';
import { PayloadError } from '../errors/payload.error';
import { parseJsonOrJsonl, payloadText } from './json-text.util';
import { displayUri } from './payload-reason.util';
import { payloadSourcePolicy, type PayloadSourcePolicy } from './payload-source-policy.util';
import { readFilePayload } from './read-file-payload.util';
import { readHttpPayload } from './read-http-payload.util';
import { readStorePayload } from './read-store-payload.util';

const REFUSE_ALL = payloadSourcePolicy();

/**
 * Loads a manifest payload (DESIGN §2): an inline array is returned as is; `file://`, `http(s)://` and
 * `redis://<store key>` are read only as far as `policy` allows, gunzipped when gzipped, and parsed as
 * JSON or JSONL. The result is raw JSON; the shape parsers turn it into events or a recording. Rejects
 * with a {@link PayloadError} that names the uri and the rule, never quotes the payload, and is retriable
 * only when a network or the store was unavailable.
 */
export async function resolvePayload(
  ref: unknown[] | string,
  store: StateStore,
  policy: PayloadSourcePolicy,
): Promise<unknown> {
  if (Array.isArray(ref)) return ref;
  // Callers that are not type-checked (plain JS, swc-compiled tests) and pass no policy get one that refuses all.
  const rules = (policy as PayloadSourcePolicy | undefined) ?? REFUSE_ALL;
  if (!uriSchema.safeParse(ref).success) {
    throw new PayloadError(
      'PAYLOAD_URI_INVALID',
      ref,
      `"${displayUri(ref)}" is not a file://, http(s):// or redis://<store key> uri`,
    );
  }
  const raw = await readBytes(ref, store, rules);
  return parseJsonOrJsonl(await payloadText(raw, ref, rules.maxDecompressedBytes), ref);
}

function readBytes(uri: string, store: StateStore, policy: PayloadSourcePolicy): Promise<Buffer> {
  switch (uriSchemeOf(uri)) {
    case 'file':
      return readFilePayload(uri, policy);
    case 'redis':
      return readStorePayload(uri, store, policy);
    default:
      return readHttpPayload(uri, policy);
  }
}
