import { cappedText } from './capped-text.util';

describe('cappedText', () => {
  it('leaves short text alone', () => {
    expect(cappedText('short', 100)).toBe('short');
  });

  it('keeps the first lines and says how many were left out', () => {
    const issues = Array.from({ length: 6000 }, (_, i) => `✖ sessions[${i}].events: expected array`);
    const capped = cappedText(issues.join('\n'), 8192);
    expect(Buffer.byteLength(capped)).toBeLessThanOrEqual(8192);
    expect(capped.startsWith('✖ sessions[0].events: expected array\n✖ sessions[1].')).toBe(true);
    const [, left] = /… (\d+) more lines/.exec(capped) ?? [];
    const kept = capped.split('\n').length - 1;
    expect(Number(left) + kept).toBe(6000);
  });

  it('cuts one huge line without breaking a character', () => {
    const capped = cappedText('é'.repeat(10_000), 1000);
    expect(Buffer.byteLength(capped)).toBeLessThanOrEqual(1000);
    expect(capped).not.toContain('\uFFFD');
    expect(capped).toMatch(/bytes left out\)$/);
  });
});
