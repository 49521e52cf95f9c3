import { DEFAULT_PAYLOAD_LIMITS, payloadSourcePolicy } from './payload-source-policy.util';

describe('payloadSourcePolicy', () => {
  it('grants nothing by default, with the default limits', () => {
    expect(payloadSourcePolicy()).toEqual({
      httpAllowedHosts: [],
      httpAllowPrivateAddresses: false,
      allowedStoreKeyPrefixes: [],
      maxPayloadBytes: 64 * 1024 * 1024,
      maxDecompressedBytes: 256 * 1024 * 1024,
      httpMaxRedirects: 3,
      httpTimeoutMs: 30_000,
    });
    expect(payloadSourcePolicy()).toMatchObject(DEFAULT_PAYLOAD_LIMITS);
  });

  it('keeps what the caller grants and fills the rest', () => {
    const policy = payloadSourcePolicy({ fileRoot: '/batch', maxPayloadBytes: 1024 });
    expect(policy).toMatchObject({ fileRoot: '/batch', maxPayloadBytes: 1024, httpTimeoutMs: 30_000 });
  });

  it.each([
    [{ maxPayloadBytes: 0 }, /maxPayloadBytes must be a positive integer/],
    [{ httpTimeoutMs: Number.NaN }, /httpTimeoutMs must be a positive integer/],
    [{ httpMaxRedirects: -1 }, /httpMaxRedirects must be 0 or more/],
    [{ fileRoot: '' }, /fileRoot must not be empty/],
    [{ allowedStoreKeyPrefixes: [''] }, /an empty store key prefix would allow every key/],
  ])('refuses %j', (grants, message) => {
    expect(() => payloadSourcePolicy(grants)).toThrow(message);
  });
});
