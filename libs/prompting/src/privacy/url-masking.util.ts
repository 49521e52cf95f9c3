import { isSecretParamName } from './url-secrets.util';

/** How `maskUrlParts` masks the pieces of a URL. */
export interface UrlPartMasking {
  /** Masks a path segment, parameter value or fragment as text (PII found there is counted by the caller). */
  part(raw: string): string;
  /** Masks a credential (a secret parameter's value, `user:password`) whole, counted by the caller. */
  secret(raw: string): string;
}

const BASE = 'https://base.invalid/';
const AUTHORITY = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#]*)/;

/**
 * `url` with credentials replaced and every other piece masked in place; the structure (scheme, host, `/`,
 * `?`, `&`, `=`, `#`) and all unmasked characters stay as they were. Relative URLs are fine; `undefined`
 * when `url` is not a URL at all (it holds white space or does not parse).
 */
export function maskUrlParts(url: string, masking: UrlPartMasking): string | undefined {
  if (/\s/.test(url) || !URL.canParse(url, BASE)) return undefined;
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const beforeQuery = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);

  let masked = maskLocation(beforeQuery, masking);
  if (queryAt >= 0) masked += `?${maskParams(beforeHash.slice(queryAt + 1), masking)}`;
  if (hashAt >= 0) {
    const fragment = url.slice(hashAt + 1);
    // OAuth's implicit flow returns `#access_token=…&state=…`; a route (`#/users/…`) is masked as text.
    masked += `#${fragment.includes('=') ? maskParams(fragment, masking) : masking.part(fragment)}`;
  }
  return masked;
}

function maskLocation(location: string, masking: UrlPartMasking): string {
  const authority = AUTHORITY.exec(location);
  const origin = authority ? authority[1] + maskAuthority(authority[2], masking) : '';
  const path = authority ? location.slice(authority[0].length) : location;
  return (
    origin +
    path
      .split('/')
      .map((segment) => masking.part(segment))
      .join('/')
  );
}

/** `user:password@host` keeps only the host: whatever stands before `@` is a credential. */
function maskAuthority(authority: string, masking: UrlPartMasking): string {
  const at = authority.lastIndexOf('@');
  return at < 0 ? authority : masking.secret(authority.slice(0, at)) + authority.slice(at);
}

function maskParams(params: string, masking: UrlPartMasking): string {
  return params
    .split('&')
    .map((param) => {
      const eq = param.indexOf('=');
      if (eq < 0) return masking.part(param);
      const name = param.slice(0, eq);
      const value = param.slice(eq + 1);
      if (value === '') return param;
      return `${name}=${isSecretParamName(safeDecode(name)) ? masking.secret(value) : masking.part(value)}`;
    })
    .join('&');
}

/** `text` percent-decoded, or as it is where it is not valid percent-encoding. */
export function safeDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
