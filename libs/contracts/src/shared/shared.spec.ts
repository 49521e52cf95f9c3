import { reportIdSchema, sessionIdSchema } from './ids.schema';
import { storeRefSchema } from './store-ref.schema';
import { isoTimestampSchema } from './timestamp.schema';
import { storeRefFromUri, storeRefToUri, uriSchema, uriSchemeOf } from './uri.schema';
import { usageSchema } from './usage.schema';

describe('ids', () => {
  it.each(['r1', 'rep-2024-06-01_checkout.v2', 'ph:01903d6c-8a2f', 'a'.repeat(128)])('accepts %s', (id) => {
    expect(reportIdSchema.safeParse(id).success).toBe(true);
    expect(sessionIdSchema.safeParse(id).success).toBe(true);
  });

  it.each(['', 'a b', 'a/b', '../x', 'é', 'a'.repeat(129)])('rejects %j', (id) => {
    expect(sessionIdSchema.safeParse(id).success).toBe(false);
  });
});

describe('uriSchema', () => {
  it.each([
    'file:///data/batch/sessions/s1/events.jsonl',
    'http://localhost:8080/events.jsonl',
    'https://exports.example.com/a/b.json?sig=x%20y',
    'redis://sift:report:r1:session:s1:events',
  ])('accepts %s', (uri) => {
    expect(uriSchema.safeParse(uri).success).toBe(true);
  });

  it.each([
    'ftp://x/y',
    's3://bucket/key',
    '/data/events.jsonl',
    'file://',
    'https://',
    'redis://',
    'redis://a b',
  ])('rejects %s', (uri) => {
    expect(uriSchema.safeParse(uri).error?.issues[0]?.message).toMatch(/file:\/\/.*redis:\/\//);
  });

  it('converts between store refs and redis:// uris', () => {
    const uri = storeRefToUri('sift:report:r1:summary');
    expect(uri).toBe('redis://sift:report:r1:summary');
    expect(uriSchemeOf(uri)).toBe('redis');
    expect(storeRefFromUri(uri)).toBe('sift:report:r1:summary');
    expect(storeRefFromUri('file:///tmp/a')).toBeUndefined();
  });
});

describe('storeRefSchema', () => {
  it('accepts a key and rejects a uri with a hint', () => {
    expect(storeRefSchema.safeParse('sift:report:r1:session:s1:events').success).toBe(true);
    expect(storeRefSchema.safeParse('redis://sift:x').error?.issues[0]?.message).toMatch(/not a uri/);
    expect(storeRefSchema.safeParse('').success).toBe(false);
  });
});

describe('isoTimestampSchema', () => {
  it('requires a zone', () => {
    expect(isoTimestampSchema.safeParse('2024-06-01T10:00:00.000Z').success).toBe(true);
    expect(isoTimestampSchema.safeParse('2024-06-01T12:00:00+02:00').success).toBe(true);
    expect(isoTimestampSchema.safeParse('2024-06-01T10:00:00').success).toBe(false);
  });
});

describe('usageSchema', () => {
  it('rejects unknown keys in stage usage', () => {
    const stage = { llmCalls: 1, inputTokens: 1, outputTokens: 1, clipsRendered: 0 };
    expect(usageSchema.safeParse({ ...stage, byStage: { summarize: stage } }).success).toBe(true);
    expect(usageSchema.safeParse({ ...stage, byStage: { summarize: { ...stage, tokens: 2 } } }).success).toBe(
      false,
    );
    expect(usageSchema.safeParse({ ...stage, tokens: 2, byStage: {} }).success).toBe(false);
  });
});

describe('store refs with Redis Cluster hash tags', () => {
  it('accepts the keys the state store builds per report', () => {
    const key = 'sift:{report:r1}:session:s1:events';
    expect(storeRefSchema.parse(key)).toBe(key);
    expect(uriSchema.parse(storeRefToUri(key))).toBe(`redis://${key}`);
  });
});
