import { gunzipSync } from 'node:zlib';
import { batchManifestSchema, type SessionId } from '@sift/contracts';
import { MemoryStateStore } from '@sift/state';
import { BatchInputError } from '../errors/batch-input.error';
import { payloadSourcePolicy } from '../payload/payload-source-policy.util';
import { resolvePayload } from '../payload/resolve-payload.util';
import { MINI_SHOP } from '../testing/sessions.test-util';
import type { BatchInput, PayloadPart, PayloadSource } from './batch-input.types';
import { fileOrInlineReference, fileUriFor, toBatchManifest } from './batch-manifest.util';
import { readBatchInput } from './read-batch-input.util';
import { uploadToStore } from './upload-to-store.util';

const byFileUri = async (_id: SessionId, _part: PayloadPart, source: PayloadSource) => fileUriFor(source);

describe('toBatchManifest', () => {
  it('references the mini-shop payloads by file:// uri and validates', async () => {
    const input = await readBatchInput(MINI_SHOP);
    const { manifest, skipped } = await toBatchManifest(input, {
      reportId: 'mini-shop',
      reference: byFileUri,
    });
    expect(batchManifestSchema.parse(manifest)).toEqual(manifest);
    expect(skipped).toEqual([]);
    expect(manifest).toMatchObject({
      reportId: 'mini-shop',
      question: 'Where do shoppers get stuck?',
      product: 'Demo shop',
    });
    expect(manifest.sessions).toHaveLength(5);
    expect(manifest.sessions[0]).toEqual({
      sessionId: 'checkout-error-1',
      events: `file://${MINI_SHOP}/sessions/checkout-error-1/events.jsonl`,
      recording: `file://${MINI_SHOP}/sessions/checkout-error-1/recording.json`,
    });
  });

  const input: BatchInput = {
    batch: {},
    origin: { kind: 'folder', path: '/batches/b1' },
    warnings: [],
    sessions: [
      {
        sessionId: 'both',
        events: { kind: 'inline', value: [{ n: 1 }] },
        recording: { kind: 'inline', value: [{ t: 1 }] },
      },
      { sessionId: 'recording-only', recording: { kind: 'inline', value: [{ t: 2 }] } },
      { sessionId: 'nothing' },
    ],
  };

  it('skips sessions without payloads and lists recording-only ones with empty events', async () => {
    const { manifest, skipped } = await toBatchManifest(input, {
      reportId: 'r1',
      reference: fileOrInlineReference,
      deadlineSeconds: 600,
    });
    expect(manifest).toEqual({
      reportId: 'r1',
      deadlineSeconds: 600,
      sessions: [
        { sessionId: 'both', events: [{ n: 1 }], recording: [{ t: 1 }] },
        { sessionId: 'recording-only', events: [], recording: [{ t: 2 }] },
      ],
    });
    expect(skipped).toEqual([
      { sessionId: 'nothing', reason: 'the session folder has neither events.jsonl nor recording.json' },
    ]);
  });

  it('rejects a batch where no session has a payload, or an invalid reportId', async () => {
    const empty = { ...input, sessions: [{ sessionId: 'nothing' }] };
    await expect(
      toBatchManifest(empty, { reportId: 'r1', reference: fileOrInlineReference }),
    ).rejects.toThrow(
      new BatchInputError('BATCH_EMPTY', 'batch /batches/b1 has no session with events or a recording'),
    );
    await expect(
      toBatchManifest(input, { reportId: 'bad id', reference: fileOrInlineReference }),
    ).rejects.toMatchObject({
      code: 'MANIFEST_INVALID',
      message: expect.stringContaining('reportId may only contain'),
    });
  });

  it('uploads payloads to the store for sift publish, readable again with resolvePayload', async () => {
    const store = new MemoryStateStore();
    const batch = await readBatchInput(MINI_SHOP);
    const { manifest } = await toBatchManifest(batch, {
      reportId: 'mini-shop',
      reference: (sessionId, part, source) =>
        uploadToStore(store, `sift:input:mini-shop:${sessionId}:${part}`, source),
    });
    expect(manifest.sessions[0]?.recording).toBe('redis://sift:input:mini-shop:checkout-error-1:recording');
    const raw = await store.get('sift:input:mini-shop:checkout-error-1:events');
    expect(gunzipSync(raw ?? Buffer.alloc(0)).toString('utf8')).toMatch(/^\{"uuid":/);
    const events = await resolvePayload(
      manifest.sessions[0]?.events ?? [],
      store,
      payloadSourcePolicy({ allowedStoreKeyPrefixes: ['sift:input:mini-shop:checkout-error-1:'] }),
    );
    expect(events).toHaveLength(20);
  });
});

describe('fileUriFor', () => {
  it('turns a file source into a file:// uri and refuses inline payloads', () => {
    expect(fileUriFor({ kind: 'file', path: '/data/a b/events.jsonl' })).toBe(
      'file:///data/a%20b/events.jsonl',
    );
    expect(() => fileUriFor({ kind: 'inline', value: [] })).toThrow('an inline payload has no file uri');
  });
});

describe('uploadToStore', () => {
  it('stores an inline payload as gzipped JSON and returns its redis:// uri', async () => {
    const store = new MemoryStateStore();
    expect(await uploadToStore(store, 'k:1', { kind: 'inline', value: [{ a: 1 }] })).toBe('redis://k:1');
    const policy = payloadSourcePolicy({ allowedStoreKeyPrefixes: ['k:'] });
    expect(await resolvePayload('redis://k:1', store, policy)).toEqual([{ a: 1 }]);
  });
});
