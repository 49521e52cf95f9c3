import { PayloadError } from '../errors/payload.error';
import type { LookupAddress } from 'node:dns';
import { checkDestination, guardedLookup, isHostAllowed, redirectTarget } from './http-destination.util';

const uri = 'https://cdn.example.com/events.json';

describe('isHostAllowed', () => {
  const allowed = ['CDN.example.com', '*.uploads.example.org', '203.0.113.7', '[2001:db8::1]'];

  it.each([
    'cdn.example.com',
    'CDN.EXAMPLE.COM',
    'cdn.example.com.',
    'a.uploads.example.org',
    'a.b.uploads.example.org',
  ])('allows %s', (host) => expect(isHostAllowed(host, allowed)).toBe(true));

  it.each([
    'example.com',
    'evilcdn.example.com',
    'uploads.example.org',
    'xuploads.example.org',
    '203.0.113.70',
    '[2001:db8::2]',
  ])('refuses %s', (host) => expect(isHostAllowed(host, allowed)).toBe(false));

  it('matches IPv6 literals with or without brackets', () => {
    expect(isHostAllowed('[2001:db8::1]', ['2001:db8::1'])).toBe(true);
  });
});

describe('redirectTarget', () => {
  const from = new URL(uri);

  it('resolves a relative Location against the current hop', () => {
    expect(redirectTarget(uri, from, '/v2/events.json').href).toBe('https://cdn.example.com/v2/events.json');
  });

  it('refuses an https to http downgrade, naming both', () => {
    expect(() => redirectTarget(uri, from, 'http://cdn.example.com/events.json')).toThrow(
      new PayloadError(
        'PAYLOAD_SOURCE_REFUSED',
        uri,
        `${uri}: redirect from https to http (http://cdn.example.com/events.json) is not allowed`,
      ),
    );
  });

  it('refuses a redirect without a Location', () => {
    expect(() => redirectTarget(uri, from, undefined)).toThrow(/redirect without a usable Location$/);
  });
});

describe('checkDestination', () => {
  const rules = { httpAllowedHosts: ['cdn.example.com'], httpAllowPrivateAddresses: false };

  it('passes an allow-listed name (its addresses are checked at lookup)', () => {
    expect(() => checkDestination(uri, new URL(uri), rules, 0)).not.toThrow();
  });

  it('names the redirect target of a later hop', () => {
    expect(() => checkDestination(uri, new URL('https://other.example.com/x'), rules, 1)).toThrow(
      `${uri}: redirect to https://other.example.com/x: host other.example.com is not on the http allow-list`,
    );
  });

  it('refuses a redirect hop to a private IP literal before connecting', () => {
    const hop = new URL('http://127.0.0.1:3101/metrics');
    const loopback = { httpAllowedHosts: ['127.0.0.1'], httpAllowPrivateAddresses: false };
    expect(() => checkDestination(uri, hop, loopback, 1)).toThrow(
      `${uri}: redirect to http://127.0.0.1:3101/metrics resolves to a loopback address 127.0.0.1, which is not allowed`,
    );
  });
});

describe('guardedLookup', () => {
  const target = new URL('http://localhost/x');
  const lookupOf = (allowPrivate: boolean) =>
    guardedLookup(
      'http://localhost/x',
      target,
      { httpAllowedHosts: ['localhost'], httpAllowPrivateAddresses: allowPrivate },
      0,
    );

  it('refuses a name resolving to loopback, in both callback shapes', async () => {
    for (const all of [true, false]) {
      const error = await new Promise<unknown>((resolve) => lookupOf(false)('localhost', { all }, resolve));
      expect(error).toBeInstanceOf(PayloadError);
      expect((error as PayloadError).message).toMatch(
        /^http:\/\/localhost\/x resolves to a loopback address/,
      );
    }
  });

  it('hands the checked addresses to the socket when private addresses are allowed', async () => {
    const addresses = await new Promise<unknown>((resolve, reject) =>
      lookupOf(true)('localhost', { all: true }, (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    );
    expect((addresses as LookupAddress[]).map(({ address }) => address)).toContain('127.0.0.1');
  });
});
