import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { PayloadError } from '../errors/payload.error';
import { nonPublicAddressKind } from './address-rules.util';
import { displayUri } from './payload-reason.util';
import type { PayloadSourcePolicy } from './payload-source-policy.util';

type HttpRules = Pick<PayloadSourcePolicy, 'httpAllowedHosts' | 'httpAllowPrivateAddresses'>;

/** A URL's host name in the form allow-list entries are compared in: lowercase, no brackets or final dot. */
function canonicalHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

/** Whether `host` is on the allow-list: an exact entry, or a `*.suffix` entry it is a subdomain of. */
export function isHostAllowed(host: string, allowedHosts: readonly string[]): boolean {
  const name = canonicalHost(host);
  return allowedHosts.some((entry) => {
    const allowed = canonicalHost(entry);
    return allowed.startsWith('*.') ? name.endsWith(allowed.slice(1)) : name === allowed;
  });
}

function refused(uri: string, rule: string): PayloadError {
  return new PayloadError('PAYLOAD_SOURCE_REFUSED', uri, `${displayUri(uri)}${rule}`);
}

/** `where` resolves to `address`: a refusal unless the address is public or private ones are allowed. */
function addressRefusal(
  uri: string,
  where: string,
  address: string,
  rules: HttpRules,
): PayloadError | undefined {
  const kind = rules.httpAllowPrivateAddresses ? undefined : nonPublicAddressKind(address);
  if (kind === undefined) return undefined;
  return refused(
    uri,
    `${where} resolves to ${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind} address ${address}, which is not allowed`,
  );
}

/**
 * Checks one hop of a download before connecting: `target` must be http(s), its host on the allow-list
 * and, when it is an IP literal (which skips DNS), a permitted address. `uri` is the manifest's uri; for a
 * redirect hop the message names the redirect target too.
 */
export function checkDestination(uri: string, target: URL, rules: HttpRules, hop: number): void {
  const where = hop === 0 ? '' : `: redirect to ${displayUri(target.href)}`;
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw refused(uri, `${where} is not allowed: only http(s) redirects are followed`);
  }
  if (rules.httpAllowedHosts.length === 0) {
    throw refused(uri, `: http(s) payloads are not allowed (no allowed hosts are configured)`);
  }
  if (!isHostAllowed(target.hostname, rules.httpAllowedHosts)) {
    throw refused(uri, `${where}: host ${target.hostname} is not on the http allow-list`);
  }
  const host = canonicalHost(target.hostname);
  if (isIP(host) !== 0) {
    const refusal = addressRefusal(uri, where, host, rules);
    if (refusal) throw refusal;
  }
}

/**
 * A `lookup` for `http.request` that refuses a host when any address it resolves to is not permitted.
 * The socket connects only to the addresses checked here, so DNS rebinding has no window.
 */
export function guardedLookup(uri: string, target: URL, rules: HttpRules, hop: number): LookupFunction {
  const where = hop === 0 ? '' : `: redirect to ${displayUri(target.href)}`;
  return (hostname, options, callback) => {
    const all: LookupAllOptions = { ...options, all: true };
    dnsLookup(hostname, all, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      for (const { address } of addresses) {
        const refusal = addressRefusal(uri, where, address, rules);
        if (refusal) return callback(refusal, '', 0);
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      if (first) return callback(null, first.address, first.family);
      return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
    });
  };
}

/**
 * The next hop of a redirect from `from` to `location`; refuses a missing or unusable Location and an
 * https → http downgrade. Host and address of the hop are checked by {@link checkDestination}.
 */
export function redirectTarget(uri: string, from: URL, location: string | undefined): URL {
  if (location === undefined || !URL.canParse(location, from.href)) {
    throw new PayloadError(
      'PAYLOAD_HTTP_STATUS',
      uri,
      `${displayUri(uri)}: redirect without a usable Location`,
    );
  }
  const target = new URL(location, from);
  if (from.protocol === 'https:' && target.protocol === 'http:') {
    throw refused(uri, `: redirect from https to http (${displayUri(target.href)}) is not allowed`);
  }
  return target;
}
