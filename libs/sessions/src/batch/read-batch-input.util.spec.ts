import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { MINI_SHOP, ScratchDir, posthogEvent } from '../testing/sessions.test-util';
import { BatchInputError } from '../errors/batch-input.error';
import { readBatchInput } from './read-batch-input.util';

const scratch = new ScratchDir();
beforeEach(() => scratch.create());
afterEach(() => scratch.remove());

async function readError(path: string): Promise<BatchInputError> {
  const error: unknown = await readBatchInput(path).then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof BatchInputError))
    throw new Error(`expected a BatchInputError, got ${String(error)}`);
  return error;
}

describe('readBatchInput on a batch folder', () => {
  it('lists the five mini-shop sessions with batch.json, without reading payloads', async () => {
    const input = await readBatchInput(MINI_SHOP);
    expect(input.batch).toEqual({
      reportId: 'mini-shop',
      question: 'Where do shoppers get stuck?',
      product: 'Demo shop',
    });
    expect(input.origin).toEqual({ kind: 'folder', path: MINI_SHOP });
    expect(input.sessions.map((session) => session.sessionId)).toEqual([
      'checkout-error-1',
      'checkout-error-2',
      'happy-path',
      'rage-clicks',
      'too-short',
    ]);
    expect(input.sessions[0]).toEqual({
      sessionId: 'checkout-error-1',
      events: { kind: 'file', path: join(MINI_SHOP, 'sessions/checkout-error-1/events.jsonl') },
      recording: { kind: 'file', path: join(MINI_SHOP, 'sessions/checkout-error-1/recording.json') },
    });
    expect(input.sessions[1]?.recording).toBeUndefined();
  });

  it('works without batch.json, ignores dotfiles and lists a session folder with no payload', async () => {
    await scratch.write('sessions/a1/events.jsonl', '');
    await scratch.write('sessions/.DS_Store', '');
    await scratch.mkdir('sessions/empty-one');
    const input = await readBatchInput(scratch.path());
    expect(input.batch).toEqual({});
    expect(input.sessions).toEqual([
      { sessionId: 'a1', events: { kind: 'file', path: scratch.path('sessions/a1/events.jsonl') } },
      { sessionId: 'empty-one' },
    ]);
  });

  it.each([
    ['a missing path', async () => scratch.path('nope'), 'BATCH_NOT_FOUND', /nope does not exist/],
    [
      'no sessions/ folder',
      async () => scratch.path(),
      'SESSIONS_DIR_MISSING',
      /has no readable sessions\/ directory/,
    ],
    [
      'an empty sessions/ folder',
      async () => {
        await scratch.mkdir('sessions');
        return scratch.path();
      },
      'BATCH_EMPTY',
      /has no session folders/,
    ],
  ])('rejects %s', async (_what, make, code, message) => {
    const error = await readError(await make());
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('rejects batch.json that is not JSON, naming the file', async () => {
    await scratch.write('batch.json', '{"reportId": ');
    await scratch.write('sessions/a1/events.jsonl', '');
    const error = await readError(scratch.path());
    expect(error.code).toBe('BATCH_FILE_INVALID');
    expect(error.message).toContain(`${scratch.path('batch.json')} is not valid JSON`);
  });

  it('rejects a misspelt batch.json key', async () => {
    await scratch.write('batch.json', JSON.stringify({ questoin: 'Why?' }));
    await scratch.write('sessions/a1/events.jsonl', '');
    const error = await readError(scratch.path());
    expect(error.code).toBe('BATCH_FILE_INVALID');
    expect(error.message).toMatch(/does not match the batch.json format[\s\S]*questoin/);
  });

  it('rejects a session folder whose name is not a sessionId', async () => {
    await scratch.mkdir('sessions/bad name');
    const error = await readError(scratch.path());
    expect(error.code).toBe('SESSION_FOLDER_INVALID');
    expect(error.message).toBe(
      `session folder ${scratch.path('sessions/bad name')}: the folder name is not a valid sessionId (sessionId may only contain A-Z a-z 0-9 . _ : -)`,
    );
  });

  it('rejects a stray file in sessions/', async () => {
    await scratch.write('sessions/notes.txt', 'hello');
    const error = await readError(scratch.path());
    expect(error.code).toBe('SESSION_FOLDER_INVALID');
    expect(error.message).toContain('notes.txt is not a folder');
  });
});

describe('readBatchInput on an events export', () => {
  const events = [
    posthogEvent(1, { properties: { $session_id: 's2' } }),
    posthogEvent(2, { properties: { $session_id: 's1' } }),
    posthogEvent(3, { properties: { $session_id: 's2' } }),
    posthogEvent(4, { properties: {} }),
  ];

  it.each([
    ['a JSON array', () => JSON.stringify(events)],
    ['JSONL', () => events.map((event) => JSON.stringify(event)).join('\n')],
    ['the PostHog API shape {results}', () => JSON.stringify({ results: events, next: null })],
    ['gzipped JSONL', () => gzipSync(events.map((event) => JSON.stringify(event)).join('\n'))],
  ])('groups %s by $session_id, inline', async (_shape, content) => {
    const path = await scratch.write('export.jsonl', content());
    const input = await readBatchInput(path);
    expect(input.origin).toEqual({ kind: 'export', path });
    expect(input.sessions).toEqual([
      { sessionId: 's1', events: { kind: 'inline', value: [events[1]] } },
      { sessionId: 's2', events: { kind: 'inline', value: [events[0], events[2]] } },
    ]);
    expect(input.warnings).toEqual([
      `1 of 4 events in ${path} have no properties.$session_id and were ignored`,
    ]);
  });

  it('rejects an export without any $session_id', async () => {
    const path = await scratch.write('export.json', JSON.stringify([posthogEvent(1, { properties: {} })]));
    const error = await readError(path);
    expect(error.code).toBe('BATCH_EMPTY');
    expect(error.message).toContain('has 1 events but none with properties.$session_id');
  });

  it('rejects a $session_id that is not a valid sessionId', async () => {
    const path = await scratch.write(
      'export.json',
      JSON.stringify([posthogEvent(1, { properties: { $session_id: 'a b' } })]),
    );
    expect((await readError(path)).message).toContain('$session_id "a b" is not a valid sessionId');
  });

  it.each([
    ['not JSON', 'hello there', /cannot read events export .*export.txt: .* is neither JSON nor JSONL/],
    [
      'an object of another shape',
      '{"foo": 1}',
      /is not a JSON array of events, JSONL, or \{"results": \[\.\.\.\]\}/,
    ],
  ])('rejects a file that is %s', async (_what, content, message) => {
    const error = await readError(await scratch.write('export.txt', content));
    expect(error.code).toBe('EXPORT_INVALID');
    expect(error.message).toMatch(message);
  });
});
