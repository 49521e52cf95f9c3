const MIB = 1024 * 1024;

/** The size, time and redirect limits of a {@link PayloadSourcePolicy} when a caller sets none. */
export const DEFAULT_PAYLOAD_LIMITS = {
  maxPayloadBytes: 64 * MIB,
  maxDecompressedBytes: 256 * MIB,
  httpMaxRedirects: 3,
  httpTimeoutMs: 30_000,
} as const;

/**
 * Which payload sources `resolvePayload` may read and how much (DESIGN §2: payload sources are
 * untrusted). Everything not granted here is refused; build one with {@link payloadSourcePolicy}.
 */
export interface PayloadSourcePolicy {
  /**
   * `file://` is read only for regular files whose real path (symlinks resolved) lies inside the real
   * path of this folder. Unset: every `file://` uri is refused.
   */
  readonly fileRoot?: string;
  /**
   * Hosts `http(s)://` may fetch from: exact names or IP addresses (case-insensitive) and `*.example.com`
   * wildcards (any subdomain, not `example.com` itself). Empty: every `http(s)://` uri is refused.
   */
  readonly httpAllowedHosts: readonly string[];
  /**
   * Whether an allowed host may resolve to a loopback, private, link-local, unspecified, CGNAT, multicast
   * or reserved address (or an IPv4-mapped IPv6 form of one). Only for tests and trusted networks.
   */
  readonly httpAllowPrivateAddresses: boolean;
  /** Redirects followed per download; each hop is checked like the first. */
  readonly httpMaxRedirects: number;
  /** Deadline for a whole download, redirects and body included. */
  readonly httpTimeoutMs: number;
  /**
   * `redis://<key>` is read only when the key starts with one of these. End each with the separator
   * (`...:upload:s1:`) so `...:upload:s10:events` does not match; exact keys work too. Empty: refused.
   */
  readonly allowedStoreKeyPrefixes: readonly string[];
  /** Cap on the raw bytes from any source (file size, store value, http body). */
  readonly maxPayloadBytes: number;
  /** Cap on the bytes a gzipped payload may decompress to. */
  readonly maxDecompressedBytes: number;
}

/**
 * A policy granting exactly `grants`, with {@link DEFAULT_PAYLOAD_LIMITS} for limits left out.
 * `payloadSourcePolicy()` refuses every uri (inline payloads still pass). Throws a `RangeError` for a
 * limit that is not a positive integer or an empty store key prefix (which would allow every key).
 */
export function payloadSourcePolicy(grants: Partial<PayloadSourcePolicy> = {}): PayloadSourcePolicy {
  const policy: PayloadSourcePolicy = {
    httpAllowedHosts: [],
    httpAllowPrivateAddresses: false,
    allowedStoreKeyPrefixes: [],
    ...DEFAULT_PAYLOAD_LIMITS,
    ...grants,
  };
  const limits = ['maxPayloadBytes', 'maxDecompressedBytes', 'httpTimeoutMs'] as const;
  for (const name of limits) {
    if (!Number.isSafeInteger(policy[name]) || policy[name] <= 0) {
      throw new RangeError(`payload source policy: ${name} must be a positive integer, got ${policy[name]}`);
    }
  }
  if (!Number.isSafeInteger(policy.httpMaxRedirects) || policy.httpMaxRedirects < 0) {
    throw new RangeError(`payload source policy: httpMaxRedirects must be 0 or more`);
  }
  if (policy.fileRoot === '') throw new RangeError('payload source policy: fileRoot must not be empty');
  if (policy.allowedStoreKeyPrefixes.some((prefix) => prefix === '')) {
    throw new RangeError('payload source policy: an empty store key prefix would allow every key');
  }
  return policy;
}
