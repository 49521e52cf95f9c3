import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { storeRefToUri } from '@sift/contracts';
import { isGzipped, type SetOptions, type StateStore } from '@sift/state';
import type { PayloadSource } from './batch-input.types';

const gzipAsync = promisify(gzip);

/**
 * Stores a payload in the state store under `key` and returns its `redis://<key>` uri. A file is stored
 * byte for byte (JSON or JSONL as written), an inline payload as JSON; both gzip-compressed unless they
 * already are. `resolvePayload` reads either back.
 */
export async function uploadToStore(
  store: StateStore,
  key: string,
  source: PayloadSource,
  options?: SetOptions,
): Promise<string> {
  const uri = storeRefToUri(key);
  const content =
    source.kind === 'file' ? await readFile(source.path) : Buffer.from(JSON.stringify(source.value), 'utf8');
  await store.set(key, isGzipped(content) ? content : await gzipAsync(content), options);
  return uri;
}
