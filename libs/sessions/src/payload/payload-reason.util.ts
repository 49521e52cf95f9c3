const MAX_SHOWN_URI_CHARS = 200;
const MIB = 1024 * 1024;

/**
 * `uri` as a reason may show it: an http(s) password replaced by `***`, and cut to a length that leaves
 * room for the rule in a capped reason.
 */
export function displayUri(uri: string): string {
  let shown = uri;
  if (/^https?:\/\//i.test(uri) && URL.canParse(uri)) {
    const url = new URL(uri);
    if (url.password !== '') {
      url.password = '***';
      shown = url.href;
    }
  }
  return shown.length <= MAX_SHOWN_URI_CHARS ? shown : `${shown.slice(0, MAX_SHOWN_URI_CHARS)}…`;
}

/** A byte count for people: whole MiB when it is one, else bytes. */
export function byteSize(bytes: number): string {
  return bytes >= MIB && bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes} bytes`;
}
