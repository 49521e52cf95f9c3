import { z } from 'zod';
import { storeRefSchema } from './store-ref.schema';

/** The uri schemes Sift reads payloads from. */
export const URI_SCHEMES = ['file', 'http', 'https', 'redis'] as const;
export type UriScheme = (typeof URI_SCHEMES)[number];

const URI_MAX_LENGTH = 2048;
const REDIS_PREFIX = 'redis://';

/** The scheme of a uri Sift accepts, or `undefined` when it is not one. */
export function uriSchemeOf(uri: string): UriScheme | undefined {
  const scheme = /^([a-z]+):\/\//.exec(uri)?.[1];
  return URI_SCHEMES.find((known) => known === scheme);
}

function isAcceptedUri(uri: string): boolean {
  switch (uriSchemeOf(uri)) {
    case 'file':
      return uri.length > 'file://'.length && !/\s/.test(uri);
    case 'http':
    case 'https':
      return URL.canParse(uri) && new URL(uri).hostname.length > 0;
    case 'redis':
      return storeRefSchema.safeParse(uri.slice(REDIS_PREFIX.length)).success;
    default:
      return false;
  }
}

/**
 * Where a payload lives when it does not travel inline: `file://<path>`, `http(s)://<url>` or
 * `redis://<store key>` (a key of the Sift state store, not a Redis server address).
 */
export const uriSchema = z
  .string()
  .max(URI_MAX_LENGTH, { error: `uri must be at most ${URI_MAX_LENGTH} characters` })
  .refine(isAcceptedUri, {
    error: 'must be a file://<path>, http(s)://<host>/... or redis://<store key> uri',
  });
export type Uri = z.output<typeof uriSchema>;

/** `redis://<key>` for a state-store key. */
export function storeRefToUri(ref: string): string {
  return `${REDIS_PREFIX}${storeRefSchema.parse(ref)}`;
}

/** The state-store key of a `redis://` uri, or `undefined` for other schemes. */
export function storeRefFromUri(uri: string): string | undefined {
  return uriSchemeOf(uri) === 'redis' ? uri.slice(REDIS_PREFIX.length) : undefined;
}
