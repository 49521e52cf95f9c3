import { reportKeys } from '@sift/reports';
import { payloadSourcePolicy, PayloadSourcePolicy } from '@sift/sessions';
import { IngestConfig } from './ingest.config';

/**
 * What one session's payload uris may read: files below the configured root, allowed hosts, and of the
 * store only the upload keys of this very session (never another report's or session's data).
 */
export function sessionSourcePolicy(
  config: IngestConfig,
  reportId: string,
  sessionId: string,
): PayloadSourcePolicy {
  return payloadSourcePolicy({
    ...(config.PAYLOAD_FILE_ROOT ? { fileRoot: config.PAYLOAD_FILE_ROOT } : {}),
    httpAllowedHosts: config.PAYLOAD_HTTP_ALLOWED_HOSTS,
    httpAllowPrivateAddresses: config.PAYLOAD_HTTP_ALLOW_PRIVATE,
    httpTimeoutMs: config.PAYLOAD_HTTP_TIMEOUT_MS,
    maxPayloadBytes: config.PAYLOAD_MAX_BYTES,
    maxDecompressedBytes: config.PAYLOAD_MAX_DECOMPRESSED_BYTES,
    allowedStoreKeyPrefixes: [
      reportKeys.upload(reportId, sessionId, 'events'),
      reportKeys.upload(reportId, sessionId, 'recording'),
    ],
  });
}
