import { describeFixtureSet } from '../fixtures/fixture-set.test-util';
import { batchFolderFixtures } from '../fixtures/batch-folder.fixtures';
import { batchManifestFixtures } from '../fixtures/batch-manifest.fixtures';
import { KAFKA_DEFAULT_MAX_MESSAGE_BYTES, MAX_SESSIONS_PER_BATCH } from '../shared/limits.constants';
import { batchFolderSchema } from './batch-folder.schema';
import { batchManifestSchema, type BatchManifestInput } from './batch-manifest.schema';

describeFixtureSet('batch manifest', batchManifestSchema, batchManifestFixtures);
describeFixtureSet('batch.json', batchFolderSchema, batchFolderFixtures);

/** A UUIDv7-shaped session id, as PostHog's `$session_id`. */
const sessionId = (i: number) =>
  `01903d6c-${(i % 0xffff).toString(16).padStart(4, '0')}-7c44-9d1e-${i.toString(16).padStart(12, '0')}`;

/** What `sift publish` sends: payloads uploaded to the state store, the manifest lists redis:// uris. */
function manifestByReference(sessions: number): BatchManifestInput {
  const reportId = 'rep-2024-06-01-checkout';
  return {
    reportId,
    question: 'Why do users abandon checkout after entering their card details?',
    product: 'Example Shop (web)',
    deadlineSeconds: 3600,
    sessions: Array.from({ length: sessions }, (_, i) => ({
      sessionId: sessionId(i),
      events: `redis://sift:input:${reportId}:${sessionId(i)}:events`,
      recording: `redis://sift:input:${reportId}:${sessionId(i)}:recording`,
    })),
  };
}

describe('batch manifest', () => {
  it('names both sessions of a duplicate sessionId', () => {
    const [manifest] = batchManifestFixtures.valid;
    const [first] = manifest.sessions;
    const result = batchManifestSchema.safeParse({ ...manifest, sessions: [...manifest.sessions, first] });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['sessions', 3, 'sessionId'],
        message: `duplicate sessionId "${first.sessionId}": sessions[3] repeats sessions[0]`,
      }),
    ]);
  });

  it('stays below half of 1 MB with 2000 sessions by reference (events and recording)', () => {
    const manifest = batchManifestSchema.parse(manifestByReference(2000));
    const bytes = Buffer.byteLength(JSON.stringify(manifest));
    expect(bytes).toBeLessThan(KAFKA_DEFAULT_MAX_MESSAGE_BYTES / 2);
  });

  // Characterizes the limit: each by-reference session costs ~255 bytes (UUID id + two redis:// uris),
  // so over Kafka one manifest holds ~4000 sessions; MAX_SESSIONS_PER_BATCH only fits in embedded mode.
  it('costs under 300 bytes per by-reference session', () => {
    const perSession =
      (Buffer.byteLength(JSON.stringify(manifestByReference(1001))) -
        Buffer.byteLength(JSON.stringify(manifestByReference(1)))) /
      1000;
    expect(perSession).toBeLessThan(300);
    expect(Math.floor(KAFKA_DEFAULT_MAX_MESSAGE_BYTES / perSession)).toBeGreaterThan(3000);
  });

  it(`rejects more than ${MAX_SESSIONS_PER_BATCH} sessions`, () => {
    const result = batchManifestSchema.safeParse(manifestByReference(MAX_SESSIONS_PER_BATCH + 1));
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      `a batch may list at most ${MAX_SESSIONS_PER_BATCH} sessions`,
    ]);
  });
});
