import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storeRefFromUri, uriSchema, uriSchemeOf } from '@sift/contracts';
import type { StateStore } from '@sift/state';
import { errorCause, errorMessage, hasErrnoCode } from '@sift/errors';
import { PayloadError } from '../errors/payload.error';
import { parseJsonOrJsonl, payloadText } from './json-text.util';

/** Options of {@link resolvePayload}. */
export interface ResolvePayloadOptions {
  /** Give up on an http(s) download after this long (retriable). Default 30 s. */
  httpTimeoutMs?: number;
}

const DEFAULT_HTTP_TIMEOUT_MS = 30_000;

/**
 * Loads a manifest payload (DESIGN §2): an inline array is returned as is; `file://`, `http(s)://` and
 * `redis://<store key>` are read, gunzipped when gzipped, and parsed as JSON or JSONL. The result is raw
 * JSON; the shape parsers turn it into events or a recording. Rejects with a {@link PayloadError} that
 * names the uri and is retriable only when a network or the store was unavailable.
 */
export async function resolvePayload(
  ref: unknown[] | string,
  store: StateStore,
  options: ResolvePayloadOptions = {},
): Promise<unknown> {
  if (Array.isArray(ref)) return ref;
  if (!uriSchema.safeParse(ref).success) {
    throw new PayloadError(
      'PAYLOAD_URI_INVALID',
      ref,
      `"${ref}" is not a file://, http(s):// or redis://<store key> uri`,
    );
  }
  const raw = await readBytes(ref, store, options.httpTimeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS);
  return parseJsonOrJsonl(await payloadText(raw, ref), ref);
}

async function readBytes(uri: string, store: StateStore, timeoutMs: number): Promise<Buffer> {
  switch (uriSchemeOf(uri)) {
    case 'file':
      return readFileUri(uri);
    case 'redis':
      return readStoreUri(uri, store);
    default:
      return fetchUri(uri, timeoutMs);
  }
}

/** The local path of a `file://` uri: a proper file URL, or (leniently) `file://<relative or absolute path>`. */
export function filePathOfUri(uri: string): string {
  try {
    if (/^file:\/\/(localhost)?\//.test(uri)) return fileURLToPath(uri);
    return resolve(decodeURIComponent(uri.slice('file://'.length)));
  } catch (error) {
    throw new PayloadError(
      'PAYLOAD_URI_INVALID',
      uri,
      `${uri} is not a usable file uri: ${errorMessage(error)}`,
      {
        cause: error,
      },
    );
  }
}

async function readFileUri(uri: string): Promise<Buffer> {
  const path = filePathOfUri(uri);
  try {
    return await readFile(path);
  } catch (error) {
    const missing = hasErrnoCode(error, 'ENOENT');
    throw new PayloadError(
      missing ? 'PAYLOAD_NOT_FOUND' : 'PAYLOAD_UNREADABLE',
      uri,
      missing ? `${uri}: no such file ${path}` : `${uri}: cannot read ${path}: ${errorMessage(error)}`,
      { cause: error },
    );
  }
}

async function readStoreUri(uri: string, store: StateStore): Promise<Buffer> {
  const key = storeRefFromUri(uri) ?? '';
  let raw: Buffer | null;
  try {
    raw = await store.get(key);
  } catch (error) {
    // Store errors say whether they are transient; anything else from a store is most likely a lost connection.
    const retriable =
      typeof error === 'object' && error !== null && 'retriable' in error ? error.retriable === true : true;
    throw new PayloadError('PAYLOAD_STORE', uri, `${uri}: state store read failed: ${errorMessage(error)}`, {
      retriable,
      cause: error,
    });
  }
  if (raw === null) {
    throw new PayloadError(
      'PAYLOAD_NOT_FOUND',
      uri,
      `${uri}: no value at store key "${key}" (never stored or expired)`,
    );
  }
  return raw;
}

async function fetchUri(uri: string, timeoutMs: number): Promise<Buffer> {
  try {
    const response = await fetch(uri, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) {
      await response.body?.cancel();
      throw new PayloadError(
        'PAYLOAD_HTTP_STATUS',
        uri,
        `${uri}: HTTP ${response.status} ${response.statusText}`.trimEnd(),
        { retriable: response.status === 408 || response.status === 429 || response.status >= 500 },
      );
    }
    return Buffer.from(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof PayloadError) throw error;
    const cause = errorCause(error);
    const detail =
      cause === undefined ? errorMessage(error) : `${errorMessage(error)} (${errorMessage(cause)})`;
    throw new PayloadError('PAYLOAD_NETWORK', uri, `${uri}: download failed: ${detail}`, {
      retriable: true,
      cause: error,
    });
  }
}
