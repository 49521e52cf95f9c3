import { MAX_PAYLOAD_REASON_BYTES, PayloadError } from '../errors/payload.error';
import { byteSize, displayUri } from './payload-reason.util';

describe('payload reasons', () => {
  it('hides an http password and cuts a long uri', () => {
    expect(displayUri('https://user:hunter2@example.com/e.json')).toBe('https://user:***@example.com/e.json');
    const long = `https://example.com/${'a'.repeat(2000)}`;
    expect(displayUri(long)).toHaveLength(201);
  });

  it('shows whole MiB as MiB', () => {
    expect([byteSize(64 * 1024 * 1024), byteSize(1024), byteSize(1_500_000)]).toEqual([
      '64 MiB',
      '1024 bytes',
      '1500000 bytes',
    ]);
  });

  it('caps every PayloadError message', () => {
    const error = new PayloadError('PAYLOAD_NOT_JSON', 'file:///x', `file:///x ${'y'.repeat(10_000)}`);
    expect(Buffer.byteLength(error.message)).toBeLessThanOrEqual(MAX_PAYLOAD_REASON_BYTES);
  });
});
