/** Path segments that identify a record, not a page: numbers, uuids, long hex or hash-like tokens. */
const ID_SEGMENT =
  /^(?:\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{10,}|(?=.*\d)(?=.*[a-z])[a-z0-9]{16,})$/i;

/**
 * The page a URL shows, so that visits of the same page group together: origin, query and hash are
 * dropped and id-like segments become `:id` (`https://x.com/products/42?ref=a` → `/products/:id`).
 * Returns `''` when there is no URL.
 */
export function normalizePagePath(url: string | undefined): string {
  if (!url) return '';
  const withoutOrigin = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const path = withoutOrigin.split(/[?#]/)[0] ?? '';
  const segments = path
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => (ID_SEGMENT.test(segment) ? ':id' : segment));
  return `/${segments.join('/')}`;
}
