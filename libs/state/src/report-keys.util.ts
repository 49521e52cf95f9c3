const KEY_NAMESPACE = 'sift';

/** The global sorted set of report deadlines: member = report id, score = deadline in epoch milliseconds. */
export const DEADLINES_KEY = `${KEY_NAMESPACE}:deadlines`;

/**
 * Key for one piece of a report's state: `sift:{report:<id>}:<part>:<part>...`.
 * The `{...}` hash tag puts all of one report's keys in the same Redis Cluster slot, so multi-key
 * transactions and scripts over one report stay legal in cluster mode.
 */
export function reportKey(reportId: string, ...parts: string[]): string {
  if (reportId.length === 0 || /[{}]/.test(reportId)) {
    throw new RangeError(`report id must be non-empty and free of "{" and "}", got "${reportId}"`);
  }
  if (parts.some((part) => part.length === 0)) {
    throw new RangeError(`report key parts must be non-empty, got [${parts.join(', ')}] for "${reportId}"`);
  }
  return [`${KEY_NAMESPACE}:{report:${reportId}}`, ...parts].join(':');
}

/**
 * The part of `key` Redis Cluster hashes to pick a slot: the text between the first `{` and the next `}`
 * when that is non-empty, otherwise the whole key. Keys with equal hash tags share a slot.
 */
export function keyHashTag(key: string): string {
  const open = key.indexOf('{');
  if (open === -1) return key;
  const close = key.indexOf('}', open + 1);
  if (close === -1 || close === open + 1) return key;
  return key.slice(open + 1, close);
}
