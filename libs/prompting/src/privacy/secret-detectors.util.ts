import { startNotAfter } from './detector-boundary.util';
import { PiiDetector } from './pii-detector.types';
import { looksLikeSecret } from './secret-entropy.util';

const B64URL = 'A-Za-z0-9_\\-';

/** Prefixes that vendors put on their keys so that scanners can find them. */
const VENDOR_KEYS = [
  String.raw`sk-(?:proj-|ant-)?[A-Za-z0-9_\-]{20,}`, // OpenAI, Anthropic
  String.raw`(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{16,}`, // Stripe
  String.raw`whsec_[A-Za-z0-9]{24,}`, // Stripe webhook secrets
  String.raw`gh[pousr]_[A-Za-z0-9]{36,}`, // GitHub tokens
  String.raw`github_pat_[A-Za-z0-9_]{50,}`,
  String.raw`(?:AKIA|ASIA)[A-Z0-9]{16}`, // AWS access key ids
  String.raw`xox[abposr]-[A-Za-z0-9\-]{10,}`, // Slack
  String.raw`AIza[A-Za-z0-9_\-]{35}`, // Google API keys
  String.raw`glpat-[A-Za-z0-9_\-]{20,}`, // GitLab
  String.raw`npm_[A-Za-z0-9]{36}`,
];

/**
 * Vendor-prefixed API keys. A key holds a digit and an upper-case letter somewhere; that keeps
 * lower-case names that happen to share a prefix (`sk-fading-circle-container`) out.
 */
export const VENDOR_KEY_DETECTOR: PiiDetector = {
  kind: 'token',
  pattern: new RegExp(`${startNotAfter(B64URL)}(?:${VENDOR_KEYS.join('|')})(?![${B64URL}])`, 'g'),
  accepts: (value) => /\d/.test(value) && /[A-Z]/.test(value),
};

/** JSON Web Tokens: three base64url segments, the first (the header) always starts `eyJ` (`{"`). */
export const JWT_DETECTOR: PiiDetector = {
  kind: 'token',
  pattern: new RegExp(
    `${startNotAfter(B64URL)}eyJ[${B64URL}]{8,}\\.[${B64URL}]{2,}\\.[${B64URL}]*(?![${B64URL}])`,
    'g',
  ),
};

/** The credential after `Bearer` (RFC 6750's b64token); the scheme stays as context. */
export const BEARER_DETECTOR: PiiDetector = {
  kind: 'token',
  pattern: new RegExp(
    `(?<lead>${startNotAfter('A-Za-z')}[Bb]earer\\s+)[A-Za-z0-9\\-._~+/]{8,}=*(?![A-Za-z0-9\\-._~+/=])`,
    'g',
  ),
  accepts: (value) => /\d/.test(value),
};

/**
 * Unlabelled secrets: runs of 32+ hex or base64 characters that look random (see `looksLikeSecret`).
 * `/` ends a run, or URL paths would run into the hashes in them. Not secrets: inline `data:` payloads
 * (images, fonts) and content hashes in file names (`KaTeX_AMS-Regular-38a68f….woff2`).
 */
export const HIGH_ENTROPY_DETECTOR: PiiDetector = {
  kind: 'token',
  pattern: new RegExp(
    `base64,[A-Za-z0-9+/]+={0,2}|${startNotAfter('A-Za-z0-9+_\\-')}[A-Za-z0-9+_\\-]{32,}={0,2}` +
      `(?![A-Za-z0-9+_=\\-]|\\.[A-Za-z0-9]{1,5}(?![A-Za-z0-9]))`,
    'g',
  ),
  // A `data:` payload is matched only to be stepped over whole.
  accepts: (value) => !value.startsWith('base64,') && looksLikeSecret(value),
};
