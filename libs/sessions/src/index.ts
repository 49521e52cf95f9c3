// Reading batches: folders and events exports (DESIGN §2).
export { BatchInputError, type BatchInputErrorCode } from './errors/batch-input.error';
export type { BatchInput, BatchInputSession, PayloadPart, PayloadSource } from './batch/batch-input.types';
export { readBatchInput } from './batch/read-batch-input.util';

// Building the sift.batches.v1 manifest.
export {
  fileOrInlineReference,
  fileUriFor,
  toBatchManifest,
  type BatchManifestResult,
  type PayloadReference,
  type SkippedSession,
  type ToBatchManifestOptions,
} from './batch/batch-manifest.util';
export { uploadToStore } from './batch/upload-to-store.util';
export { normalizeBatchSession } from './batch/normalize-batch-session.util';

// Loading payloads by reference.
export {
  MAX_PAYLOAD_REASON_BYTES,
  PayloadError,
  type PayloadErrorCode,
  type PayloadErrorOptions,
} from './errors/payload.error';
export {
  DEFAULT_PAYLOAD_LIMITS,
  payloadSourcePolicy,
  type PayloadSourcePolicy,
} from './payload/payload-source-policy.util';
export { resolvePayload } from './payload/resolve-payload.util';
export { filePathOfUri } from './payload/read-file-payload.util';

// Parsing the accepted shapes.
export type { ParsedPayload } from './parse/parsed-payload.types';
export { parsePosthogEvents } from './parse/posthog-events.util';
export { parseRrwebRecording } from './parse/rrweb-recording.util';
export { toIsoTimestamp } from './parse/iso-timestamp.util';

// Normalization.
export { CUT_OFF_MS, cutOffMs, MAX_CUT_SHARE } from './normalize/session-limits.constants';
export { isUserAction } from './normalize/user-action.util';
export {
  normalizedSessionSchema,
  type NormalizedSession,
  type NormalizeResult,
  type NormalizeSessionInput,
} from './normalize/normalized-session.schema';
export { normalizeSession } from './normalize/normalize-session.util';
export { DERIVED_EVENTS_LIB, deriveEventsFromRecording } from './normalize/derive-events.util';
export { canonicalSha256 } from './hash/canonical-hash.util';
