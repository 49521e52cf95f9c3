import { constants, type Stats } from 'node:fs';
import { open, readlink, realpath, type FileHandle } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorCode, errorMessage, hasErrnoCode } from '@sift/errors';
import { PayloadError } from '../errors/payload.error';
import { byteSize, displayUri } from './payload-reason.util';
import type { PayloadSourcePolicy } from './payload-source-policy.util';

// O_NONBLOCK: opening a FIFO for reading must not wait for a writer. O_NOFOLLOW: the checked real path
// must not have been swapped for a symlink before the open.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;
const MAX_CHUNK_BYTES = 1024 * 1024;

/** The local path of a `file://` uri: a proper file URL, or (leniently) `file://<relative or absolute path>`. */
export function filePathOfUri(uri: string): string {
  try {
    if (/^file:\/\/(localhost)?\//.test(uri)) return fileURLToPath(uri);
    return resolve(decodeURIComponent(uri.slice('file://'.length)));
  } catch (error) {
    throw new PayloadError(
      'PAYLOAD_URI_INVALID',
      uri,
      `${displayUri(uri)} is not a usable file uri: ${errorMessage(error)}`,
      {
        cause: error,
      },
    );
  }
}

/** Whether `path` is `root` or below it, compared by whole path segments (`/data2` is not in `/data`). */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Reads a `file://` payload under `policy`: only a regular file whose real path lies inside the real
 * path of `policy.fileRoot`, at most `policy.maxPayloadBytes` long.
 */
export async function readFilePayload(uri: string, policy: PayloadSourcePolicy): Promise<Buffer> {
  const shown = displayUri(uri);
  const refused = (rule: string): PayloadError =>
    new PayloadError('PAYLOAD_SOURCE_REFUSED', uri, `${shown}${rule}`);
  if (policy.fileRoot === undefined) {
    throw refused(': file:// payloads are not allowed (no data root is configured)');
  }
  const path = filePathOfUri(uri);
  const root = await realRoot(policy.fileRoot, refused);
  // Decided on the path alone first, so nothing is learnt about files outside the root.
  if (!isInside(root, path) && !isInside(resolve(policy.fileRoot), path)) {
    throw refused(' is outside the data root');
  }
  let handle: FileHandle | undefined;
  try {
    const real = await realpath(path);
    if (!isInside(root, real)) throw refused(' resolves through a symlink to outside the data root');
    handle = await open(real, OPEN_FLAGS);
    const opened = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => real); // Linux: what was opened
    if (!isInside(root, opened)) throw refused(' changed to outside the data root while being opened');
    const stats = await handle.stat();
    if (!stats.isFile()) throw refused(` is ${fileKind(stats)}, not a regular file`);
    return await readCapped(handle, stats.size, uri, policy.maxPayloadBytes);
  } catch (error) {
    if (error instanceof PayloadError) throw error;
    if (hasErrnoCode(error, 'ENOENT') || hasErrnoCode(error, 'ENOTDIR')) {
      throw new PayloadError('PAYLOAD_NOT_FOUND', uri, `${shown}: no such file ${path}`, { cause: error });
    }
    if (hasErrnoCode(error, 'ENXIO')) throw refused(' is a socket, not a regular file');
    if (hasErrnoCode(error, 'ELOOP')) throw refused(' changed to a symlink while being opened');
    throw new PayloadError(
      'PAYLOAD_UNREADABLE',
      uri,
      `${shown}: cannot read ${path}: ${errorMessage(error)}`,
      {
        cause: error,
      },
    );
  } finally {
    await handle?.close();
  }
}

async function realRoot(fileRoot: string, refused: (rule: string) => PayloadError): Promise<string> {
  try {
    return await realpath(fileRoot);
  } catch (error) {
    throw refused(`: the data root is not usable (${errorCode(error)})`);
  }
}

function fileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

/** Reads to the end, refusing a file over `cap` by its size and again by what it yields (it may grow). */
async function readCapped(handle: FileHandle, size: number, uri: string, cap: number): Promise<Buffer> {
  const tooLarge = (what: string): PayloadError =>
    new PayloadError(
      'PAYLOAD_TOO_LARGE',
      uri,
      `${displayUri(uri)} ${what} the payload limit of ${byteSize(cap)}`,
    );
  if (size > cap) throw tooLarge(`is ${byteSize(size)}, more than`);
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(MAX_CHUNK_BYTES, Math.max(size + 1 - total, 16 * 1024)));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) return Buffer.concat(chunks, total);
    total += bytesRead;
    if (total > cap) throw tooLarge('grew past');
    chunks.push(chunk.subarray(0, bytesRead));
  }
}
