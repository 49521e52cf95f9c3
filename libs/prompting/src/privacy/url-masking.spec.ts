import { PiiMasker } from './pii.masker';
import { isSecretParamName } from './url-secrets.util';

function maskUrlOnce(url: string): { url: string; counts: ReturnType<PiiMasker['counts']> } {
  const masker = new PiiMasker();
  return { url: masker.maskUrl(url), counts: masker.counts() };
}

describe('PiiMasker.maskUrl', () => {
  it('masks a reset token and an encoded e-mail address and keeps the path', () => {
    expect(maskUrlOnce('/reset?token=abc123&email=a%40b.com')).toEqual({
      url: '/reset?token=‹url-secret›&email=‹email›',
      counts: { 'url-secret': 1, email: 1 },
    });
  });

  it.each([
    'token',
    'access_token',
    'refresh_token',
    'id_token',
    'key',
    'api_key',
    'apiKey',
    'API-KEY',
    'password',
    'pass',
    'pwd',
    'secret',
    'client_secret',
    'code',
    'auth',
    'sig',
    'signature',
    'X-Amz-Signature',
    'X-Amz-Security-Token',
    'session',
    'sessionId',
    'sid',
    'PHPSESSID',
    'user[password]',
  ])('treats %s as a secret parameter', (name) => {
    expect(maskUrlOnce(`https://shop.example/cb?${name}=v4lue&page=2`).url).toBe(
      `https://shop.example/cb?${name}=‹url-secret›&page=2`,
    );
  });

  it.each(['page', 'q', 'utm_source', 'id', 'ref', 'sort', 'lang', 'v', 'monkey', 'keyboard', 'passenger'])(
    'keeps the ordinary parameter %s',
    (name) => {
      expect(isSecretParamName(name)).toBe(false);
    },
  );

  it('masks credentials in the authority, PII in the path and secrets in the fragment', () => {
    expect(
      maskUrlOnce(
        'https://admin:hunter2@shop.example/users/jane%2Edoe%40example.com/orders?x=1#access_token=eyJ&state=ok',
      ).url,
    ).toBe('https://‹url-secret›@shop.example/users/‹email›/orders?x=1#access_token=‹url-secret›&state=ok');
  });

  it('reads percent-encoded values and keeps unmasked parts encoded as they were', () => {
    expect(maskUrlOnce('/search?q=call%20me%20at%20%2B49%2030%201234567&lang=de').url).toBe(
      '/search?q=call%20me%20at%20‹phone›&lang=de',
    );
    expect(maskUrlOnce('/search?q=red%20shoes&lang=de').url).toBe('/search?q=red%20shoes&lang=de');
  });

  it('leaves ordinary URLs byte for byte', () => {
    const urls = [
      'https://posthog.com/docs/integrate/client/js?utm_source=x&utm_medium=y#snippet',
      '/products/6?color=red&size=M',
      '/events/6c1f8e0a-1b2c-4d5e-9f00-112233445566',
      '/blog/2026-03-02/release-1.0.0',
      '#/settings/profile',
    ];
    for (const url of urls) expect(maskUrlOnce(url)).toEqual({ url, counts: {} });
  });

  it('masks a route in the fragment as text', () => {
    expect(maskUrlOnce('/app#/users/jane@example.com').url).toBe('/app#/users/‹email›');
  });

  it('falls back to mask() for text that is not a URL', () => {
    expect(maskUrlOnce('write to jane@example.com')).toEqual({
      url: 'write to ‹email›',
      counts: { email: 1 },
    });
  });

  it('changes and counts nothing on a URL it masked before', () => {
    const masker = new PiiMasker();
    const once = masker.maskUrl('https://u:p@x.example/reset/jane%40example.com?token=abc&email=a%40b.com');
    const before = masker.counts();
    expect(masker.maskUrl(once)).toBe(once);
    expect(masker.counts()).toEqual(before);
  });
});
