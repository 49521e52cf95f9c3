import { DEADLINES_KEY, keyHashTag, reportKey } from './report-keys.util';

describe('reportKey', () => {
  it('builds sift:{report:<id>}:<parts>', () => {
    expect(reportKey('r-1')).toBe('sift:{report:r-1}');
    expect(reportKey('r-1', 'sessions', 'done')).toBe('sift:{report:r-1}:sessions:done');
  });

  it('gives every key of one report the same hash tag, and other reports another', () => {
    const keys = [reportKey('r-1'), reportKey('r-1', 'meta'), reportKey('r-1', 'patterns', 'chunk', '3')];
    expect(new Set(keys.map(keyHashTag))).toEqual(new Set(['report:r-1']));
    expect(keyHashTag(reportKey('r-2', 'meta'))).not.toBe(keyHashTag(keys[1]));
  });

  it('keeps ids with colons unambiguous', () => {
    expect(reportKey('a:b')).not.toBe(reportKey('a', 'b'));
    expect(keyHashTag(reportKey('a:b', 'x'))).toBe('report:a:b');
  });

  it('rejects ids that would break the hash tag, and empty parts', () => {
    expect(() => reportKey('')).toThrow(RangeError);
    expect(() => reportKey('a}b')).toThrow('free of "{" and "}"');
    expect(() => reportKey('{a')).toThrow(RangeError);
    expect(() => reportKey('r-1', 'ok', '')).toThrow('parts must be non-empty');
  });

  it('keeps the deadlines set outside any report', () => {
    expect(DEADLINES_KEY).toBe('sift:deadlines');
  });
});

describe('keyHashTag', () => {
  it.each([
    ['plain', 'plain'],
    ['a{tag}b', 'tag'],
    ['a{}b{tag}', 'a{}b{tag}'],
    ['a{open', 'a{open'],
    ['{one}{two}', 'one'],
    ['x{a{b}c', 'a{b'],
  ])('follows the Redis Cluster rule for %s', (key, tag) => {
    expect(keyHashTag(key)).toBe(tag);
  });
});
