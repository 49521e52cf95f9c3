import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Serialized JSON above this many bytes is stored gzip-compressed. */
export const DEFAULT_COMPRESS_THRESHOLD_BYTES = 1024;
/** A stored value never inflates past this when read (a corrupt or planted value cannot exhaust memory). */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 512 * 1024 * 1024;

// The gzip magic number doubles as the "compressed" marker: JSON text can only start with whitespace,
// `{`, `[`, `"`, `-`, a digit or a literal, never with byte 0x1f.
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

/** True if `raw` starts with the gzip magic bytes, i.e. was written compressed by {@link encodeJson}. */
export function isGzipped(raw: Buffer): boolean {
  return raw.length >= GZIP_MAGIC.length && raw.subarray(0, GZIP_MAGIC.length).equals(GZIP_MAGIC);
}

/**
 * Serializes `value` to JSON bytes, gzip-compressed when the JSON is larger than `thresholdBytes` and
 * compression actually saves space. Throws a TypeError for values JSON cannot represent.
 */
export async function encodeJson(
  value: unknown,
  thresholdBytes: number = DEFAULT_COMPRESS_THRESHOLD_BYTES,
): Promise<Buffer> {
  const json: string | undefined = JSON.stringify(value);
  if (json === undefined) {
    throw new TypeError(`cannot store ${typeof value} as JSON`);
  }
  const plain = Buffer.from(json, 'utf8');
  if (plain.length <= thresholdBytes) return plain;
  const compressed = await gzipAsync(plain);
  return compressed.length < plain.length ? compressed : plain;
}

/**
 * Parses bytes written by {@link encodeJson}, gunzipping first when they carry the gzip marker; a value
 * that would inflate past `maxDecompressedBytes` is refused (RangeError) instead of filling memory.
 */
export async function decodeJson(
  raw: Buffer,
  maxDecompressedBytes: number = DEFAULT_MAX_DECOMPRESSED_BYTES,
): Promise<unknown> {
  const plain = isGzipped(raw) ? await inflate(raw, maxDecompressedBytes) : raw;
  return JSON.parse(plain.toString('utf8')) as unknown;
}

async function inflate(raw: Buffer, maxBytes: number): Promise<Buffer> {
  try {
    return await gunzipAsync(raw, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ERR_BUFFER_TOO_LARGE') throw error;
    throw new RangeError(`the value decompresses to more than ${maxBytes} bytes`);
  }
}
