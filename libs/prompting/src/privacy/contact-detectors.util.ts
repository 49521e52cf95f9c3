import { digitCount, isOneDigitRepeated, startNotAfter } from './detector-boundary.util';
import { PiiDetector } from './pii-detector.types';

// Letters and digits of any script (`jörg@bücher.de`), so that no part of a name is left in front of the
// placeholder. The local part may carry an encoded `+` (`%2B`); the `@` may be encoded once or twice.
const LOCAL_PART = String.raw`(?:[\p{L}\p{N}._+-]|%2[Bb]){1,64}`;
const AT = String.raw`(?:@|%(?:25)?40)`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const DOMAIN = String.raw`(?:${LABEL}\.){1,8}\p{L}{2,24}(?![\p{L}\p{N}-])`;

/** File names that look like addresses: retina assets (`logo@2x.png`) and the like. */
const ASSET_SUFFIX =
  /\.(?:png|jpe?g|gif|svg|webp|avif|ico|bmp|css|js|mjs|map|json|html?|woff2?|ttf|otf|mp4|webm)$/i;

export const EMAIL_DETECTOR: PiiDetector = {
  kind: 'email',
  pattern: new RegExp(`${startNotAfter('\\p{L}\\p{N}._+-')}${LOCAL_PART}${AT}${DOMAIN}`, 'gu'),
  accepts: (value) => !ASSET_SUFFIX.test(value),
};

const SEP = '[ .\\-]';
/** `+49 30 1234567`, `+1 (555) 123-4567`, `+49 (0)30 1234567`, `+4930123456`. */
const INTERNATIONAL = String.raw`\+\d{1,3}(?:${SEP}?\(\d{1,4}\)${SEP}?\d{1,10}|${SEP}\d{1,10}){1,6}|\+\d{7,15}`;
/** North American: `(555) 123-4567`, `555-123-4567`, `555.123.4567`, `1-555-123-4567`. */
const NORTH_AMERICAN = String.raw`(?:1${SEP})?(?:\(\d{3}\)${SEP}?|\d{3}${SEP})\d{3}${SEP}\d{4}`;
/** With a trunk prefix: `030 1234567`, `(030) 1234567`, `020 7946 0958`, `06 12 34 56 78`, `06.12.34.56.78`. */
const NATIONAL = String.raw`(?:\(0\d{1,4}\)[ \-]?|0\d{1,4}[ \-/])\d{2,8}(?:[ \-]\d{2,8}){0,3}|0\d(?:\.\d{2}){4}`;

/**
 * Phone numbers in the shapes people write them, never bare digit runs (ids, timestamps) and never
 * `:`-separated or comma-grouped numbers (times, prices). Neighbouring word characters, `.`, `-`, `/`, `#`
 * or currency signs mean the digits belong to something else (a version, an order id, a price), and so
 * does a digit group just before (`4000 0000 0000 0000`). One digit repeated is a format hint
 * (`000-000-0000`), not a number.
 */
export const PHONE_DETECTOR: PiiDetector = {
  kind: 'phone',
  pattern: new RegExp(
    `${startNotAfter('\\w.+\\-/#$€£¥%@')}(?<!\\d[ .\\-])(?:${INTERNATIONAL}|${NORTH_AMERICAN}|${NATIONAL})(?!\\w|[.\\-/:]\\d)`,
    'g',
  ),
  accepts: (value) => {
    const digits = digitCount(value);
    if (isOneDigitRepeated(value)) return false;
    if (value.startsWith('+')) return digits >= 7 && digits <= 15;
    if (value.startsWith('0') || value.startsWith('(0')) return digits >= 9 && digits <= 12;
    return digits >= 10 && digits <= 11;
  },
};
