import { baseSeverity, calibrateSeverity, patternSeverity } from './pattern-severity.util';

describe('baseSeverity', () => {
  it('takes the strongest flag', () => {
    expect(baseSeverity(['non-blocking-exception', 'blocking-exception', 'abandonment'])).toBe('critical');
    expect(baseSeverity(['confusion', 'abandonment'])).toBe('high');
    expect(baseSeverity(['confusion', 'non-blocking-exception'])).toBe('medium');
    expect(baseSeverity(['non-blocking-exception'])).toBe('low');
    expect(baseSeverity([])).toBe('low');
  });
});

describe('calibrateSeverity', () => {
  it.each([
    ['medium', 51 / 100, 'high'],
    ['medium', 50 / 100, 'medium'],
    ['critical', 2 / 100, 'high'],
    ['critical', 1 / 100, 'high'],
    ['critical', 3 / 100, 'critical'],
    ['critical', 1 / 3, 'critical'],
    ['high', 0.01, 'high'],
    ['low', 0.9, 'low'],
  ] as const)('%s in %d of sessions → %s', (base, ratio, expected) => {
    expect(calibrateSeverity(base, ratio)).toBe(expected);
  });

  it('combines base and calibration', () => {
    expect(patternSeverity(['confusion'], 0.6)).toBe('high');
    expect(patternSeverity(['blocking-exception', 'abandonment'], 0.02)).toBe('high');
  });
});
