import { gunzipSync } from 'node:zlib';
import { DEFAULT_COMPRESS_THRESHOLD_BYTES, decodeJson, encodeJson, isGzipped } from './value-codec.util';

const large = { rows: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `session-${i}` })) };

describe('value codec', () => {
  it('keeps small JSON as plain, readable UTF-8', async () => {
    const raw = await encodeJson({ ok: true, name: 'café' });
    expect(isGzipped(raw)).toBe(false);
    expect(raw.toString('utf8')).toBe('{"ok":true,"name":"café"}');
  });

  it('gzips JSON above the threshold and reads it back equal', async () => {
    const json = JSON.stringify(large);
    expect(json.length).toBeGreaterThan(DEFAULT_COMPRESS_THRESHOLD_BYTES);
    const raw = await encodeJson(large);
    expect(isGzipped(raw)).toBe(true);
    expect(raw.length).toBeLessThan(json.length);
    expect(gunzipSync(raw).toString('utf8')).toBe(json);
    await expect(decodeJson(raw)).resolves.toEqual(large);
  });

  it('compresses exactly when the serialized size passes the threshold', async () => {
    const value = 'a'.repeat(98); // serializes to 100 bytes with the quotes
    expect(isGzipped(await encodeJson(value, 100))).toBe(false);
    expect(isGzipped(await encodeJson(value, 99))).toBe(true);
  });

  it('stores plain when gzip would not save space', async () => {
    const short = 'abcdefghijklmnopq'; // gzip's ~20 bytes of framing outweigh any saving here
    const raw = await encodeJson(short, 10);
    expect(isGzipped(raw)).toBe(false);
    await expect(decodeJson(raw)).resolves.toBe(short);
  });

  it('round-trips every JSON kind', async () => {
    for (const value of [null, 0, -1.5, 'text', [], [1, 'two'], { nested: { deep: [true] } }]) {
      await expect(decodeJson(await encodeJson(value))).resolves.toEqual(value);
    }
  });

  it('rejects values JSON cannot represent', async () => {
    await expect(encodeJson(undefined)).rejects.toThrow(TypeError);
    await expect(encodeJson(() => 1)).rejects.toThrow('cannot store function as JSON');
    await expect(encodeJson({ n: 1n })).rejects.toThrow(TypeError);
  });

  it('fails loudly on bytes that are neither JSON nor valid gzip', async () => {
    await expect(decodeJson(Buffer.from('not json'))).rejects.toThrow(SyntaxError);
    await expect(decodeJson(Buffer.from([0x1f, 0x8b, 0x00, 0x01]))).rejects.toThrow();
  });

  it('recognizes the gzip marker only at the start', () => {
    expect(isGzipped(Buffer.from([0x1f]))).toBe(false);
    expect(isGzipped(Buffer.from([0x20, 0x1f, 0x8b]))).toBe(false);
    expect(isGzipped(Buffer.from([0x1f, 0x8b]))).toBe(true);
  });
});
