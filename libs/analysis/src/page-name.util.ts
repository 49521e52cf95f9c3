/** Path segments that identify a record rather than a page: numbers, uuids, long hex or hash-like tokens. */
const ID_SEGMENT =
  /^(?:\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{10,}|(?=.*\d)(?=.*[a-z])[a-z0-9]{16,})$/i;
const MAX_WORDS_LENGTH = 60;

/**
 * A page in human words followed by its path: `/checkout` → `Checkout (/checkout)`,
 * `/account/billing-details` → `Account billing details (/account/billing-details)`, `/` → `Home (/)`.
 * Id-like segments are left out of the words (`/products/42` → `Products (/products/42)`).
 */
export function pageName(path: string | undefined): string {
  if (path === undefined) return 'Unknown page';
  const words = path
    .split('/')
    .filter((segment) => segment.length > 0 && !ID_SEGMENT.test(segment))
    .map((segment) =>
      safeDecode(segment)
        .replace(/[-_+.]+/g, ' ')
        .trim(),
    )
    .filter((segment) => segment.length > 0)
    .join(' ');
  const title = path === '/' ? 'Home' : words ? capitalize(truncate(words.toLowerCase())) : 'Page';
  return `${title} (${path})`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function truncate(text: string): string {
  return text.length > MAX_WORDS_LENGTH ? `${text.slice(0, MAX_WORDS_LENGTH - 1)}…` : text;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
