import { createHash } from 'node:crypto';

const FLUSH_CHARS = 64 * 1024;

/**
 * Writes `value` as JSON with object keys sorted at every level, so the same data serializes the same
 * way whatever order its keys came in. `undefined` properties are left out, as `JSON.stringify` does.
 */
export function writeCanonicalJson(value: unknown, write: (chunk: string) => void): void {
  if (value === null || typeof value !== 'object') {
    write(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    write('[');
    value.forEach((item: unknown, index) => {
      if (index > 0) write(',');
      writeCanonicalJson(item ?? null, write);
    });
    write(']');
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  write('{');
  keys.forEach((key, index) => {
    write(index > 0 ? `,${JSON.stringify(key)}:` : `${JSON.stringify(key)}:`);
    writeCanonicalJson(record[key], write);
  });
  write('}');
}

/** {@link writeCanonicalJson} into one string. */
export function canonicalJson(value: unknown): string {
  const chunks: string[] = [];
  writeCanonicalJson(value, (chunk) => chunks.push(chunk));
  return chunks.join('');
}

/** Lower-case hex SHA-256 of the canonical JSON of `value`, hashed in pieces so big recordings never become one string. */
export function canonicalSha256(value: unknown): string {
  const hash = createHash('sha256');
  let pending: string[] = [];
  let pendingChars = 0;
  writeCanonicalJson(value, (chunk) => {
    pending.push(chunk);
    pendingChars += chunk.length;
    if (pendingChars < FLUSH_CHARS) return;
    hash.update(pending.join(''), 'utf8');
    pending = [];
    pendingChars = 0;
  });
  hash.update(pending.join(''), 'utf8');
  return hash.digest('hex');
}

/** A UUID-shaped id (version 8, RFC 9562 variant) derived from `seed`: the same seed gives the same id. */
export function deterministicUuid(seed: string): string {
  const hex = createHash('sha256').update(seed, 'utf8').digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
