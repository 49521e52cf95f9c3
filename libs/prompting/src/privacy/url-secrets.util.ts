import { PiiDetector } from './pii-detector.types';

/** Parameter names that carry a credential whatever their value looks like. */
const SECRET_NAMES = new Set([
  'auth',
  'authorization',
  'code',
  'credential',
  'jwt',
  'otp',
  'pass',
  'passcode',
  'passwd',
  'password',
  'pwd',
  'secret',
  'session',
  'session_id',
  'sessionid',
  'sessid',
  'sid',
  'sig',
  'signature',
  'token',
  'apikey',
  'jsessionid',
  'phpsessid',
]);

/** Last words that make any name a credential: `access_token`, `api-key`, `clientSecret`, `X-Amz-Signature`. */
const SECRET_LAST_WORDS = new Set(['token', 'secret', 'password', 'key', 'signature', 'credential']);

/**
 * Whether a query or fragment parameter named `name` holds a secret (case-insensitive; `apiKey`,
 * `api_key` and `api-key` are one name).
 */
export function isSecretParamName(name: string): boolean {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_');
  if (SECRET_NAMES.has(snake) || SECRET_NAMES.has(snake.replace(/_/g, ''))) return true;
  const words = snake.split('_').filter(Boolean);
  return words.length > 0 && SECRET_LAST_WORDS.has(words[words.length - 1]);
}

/**
 * Secret parameters of URLs inside running text (`…/reset?token=abc123&…`). A parameter starts after `?`,
 * `&`, `;` (also `&amp;`), `#` or a JSON-escaped `&` (`\u0026`); its value ends at the next delimiter,
 * quote, space or escape.
 */
export const URL_SECRET_DETECTOR: PiiDetector = {
  kind: 'url-secret',
  pattern: /(?<lead>(?:[?&;#]|\\u0026)[A-Za-z][\w.\-[\]]{0,40}=)[^&#\s"'<>\\]+/g,
  accepts: (_value, lead) => isSecretParamName(lead.replace(/^(?:\\u0026|[?&;#])/, '').slice(0, -1)),
};
