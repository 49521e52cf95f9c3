import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { isGzipped } from '@sift/state';
import { errorMessage } from '@sift/errors';
import { PayloadError } from '../errors/payload.error';

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

/** UTF-8 text of payload bytes, gunzipped first when they start with the gzip magic bytes. */
export async function payloadText(raw: Buffer, uri: string): Promise<string> {
  if (!isGzipped(raw)) return raw.toString('utf8');
  try {
    return (await gunzipAsync(raw)).toString('utf8');
  } catch (error) {
    throw new PayloadError(
      'PAYLOAD_DECOMPRESS',
      uri,
      `${uri} looks gzipped but does not decompress: ${errorMessage(error)}`,
      {
        cause: error,
      },
    );
  }
}

/**
 * Parses a whole JSON document, or else JSONL (one JSON value per line, blank lines skipped) into an
 * array. Unparseable JSONL lines become markers (see {@link unparseableLineOf}); if no line parses the
 * payload is rejected with a {@link PayloadError} naming `uri`.
 */
export function parseJsonOrJsonl(text: string, uri: string): unknown {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') return [];
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
      firstBad ??= `line ${index + 1}: ${errorMessage(error)}`;
      items.push({ [UNPARSEABLE_LINE]: index + 1 });
    }
  });
  if (items.every((item) => unparseableLineOf(item) !== undefined)) {
    throw new PayloadError(
      'PAYLOAD_NOT_JSON',
      uri,
      `${uri} is neither JSON nor JSONL: ${errorMessage(wholeError)}${items.length > 1 ? `; as JSONL, ${firstBad}` : ''}`,
      { cause: wholeError },
    );
  }
  return items;
}
