import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { errorCode, hasErrnoCode } from '@sift/errors';
import { isGzipped } from '@sift/state';
import { PayloadError } from '../errors/payload.error';
import { describeJsonSyntaxError } from './json-syntax-error.util';
import { byteSize, displayUri } from './payload-reason.util';
import { DEFAULT_PAYLOAD_LIMITS } from './payload-source-policy.util';

const gunzipAsync = promisify(gunzip);

// A JSONL line that does not parse stays in the array as this marker, so the shape parsers drop and
// count it like any other invalid event instead of failing the whole payload.
const UNPARSEABLE_LINE = '$unparseableLine';

/** The 1-based line number if `item` stands for a JSONL line that was not valid JSON. */
export function unparseableLineOf(item: unknown): number | undefined {
  if (typeof item !== 'object' || item === null || !(UNPARSEABLE_LINE in item)) return undefined;
  const line: unknown = (item as Record<string, unknown>)[UNPARSEABLE_LINE];
  return typeof line === 'number' ? line : undefined;
}

/**
 * UTF-8 text of payload bytes, gunzipped first when they start with the gzip magic bytes; decompressing
 * to more than `maxDecompressedBytes` (a gzip bomb) is refused with `PAYLOAD_TOO_LARGE`.
 */
export async function payloadText(
  raw: Buffer,
  uri: string,
  maxDecompressedBytes: number = DEFAULT_PAYLOAD_LIMITS.maxDecompressedBytes,
): Promise<string> {
  if (!isGzipped(raw)) return raw.toString('utf8');
  try {
    return (await gunzipAsync(raw, { maxOutputLength: maxDecompressedBytes })).toString('utf8');
  } catch (error) {
    if (hasErrnoCode(error, 'ERR_BUFFER_TOO_LARGE')) {
      throw new PayloadError(
        'PAYLOAD_TOO_LARGE',
        uri,
        `${displayUri(uri)} decompresses to more than the limit of ${byteSize(maxDecompressedBytes)}`,
      );
    }
    // zlib's own messages are fixed strings, but its code says as much and is certain to quote nothing.
    throw new PayloadError(
      'PAYLOAD_DECOMPRESS',
      uri,
      `${displayUri(uri)} looks gzipped but does not decompress (${errorCode(error)})`,
      { cause: error },
    );
  }
}

/**
 * Parses a whole JSON document, or else JSONL (one JSON value per line, blank lines skipped) into an
 * array. Unparseable JSONL lines become markers (see {@link unparseableLineOf}); if no line parses the
 * payload is rejected with a {@link PayloadError} naming `uri` and where parsing failed, never the text.
 */
export function parseJsonOrJsonl(text: string, uri: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return [];
  let wholeError: unknown;
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    wholeError = error;
  }
  const items: unknown[] = [];
  let firstBad: string | undefined;
  body.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      items.push(JSON.parse(line) as unknown);
    } catch (error) {
      firstBad ??= `line ${index + 1}: ${describeJsonSyntaxError(error, line).replace(/ at line 1,/, ' at')}`;
      items.push({ [UNPARSEABLE_LINE]: index + 1 });
    }
  });
  if (items.every((item) => unparseableLineOf(item) !== undefined)) {
    // No cause: the engine's message quotes the payload, and loggers print causes.
    throw new PayloadError(
      'PAYLOAD_NOT_JSON',
      uri,
      `${displayUri(uri)} is neither JSON nor JSONL: ${describeJsonSyntaxError(wholeError, body)}${items.length > 1 ? `; as JSONL, ${firstBad}` : ''}`,
    );
  }
  return items;
}
