import { PiiDetector } from './pii-detector.types';
import { ExtraPiiPattern } from './pii-kind.types';
import { InvalidPiiPatternError } from './pii-pattern.error';

/** The product's own patterns as detectors of kind `custom`; throws `InvalidPiiPatternError` for a bad one. */
export function extraPatternDetectors(patterns: readonly ExtraPiiPattern[]): PiiDetector[] {
  return patterns.map(({ name, pattern }) => ({ kind: 'custom', pattern: globalPattern(name, pattern) }));
}

function globalPattern(name: string, pattern: RegExp | string): RegExp {
  try {
    // `y` would stop at the first gap; `g` is what replacing every match needs.
    return typeof pattern === 'string'
      ? new RegExp(pattern, 'g')
      : new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}g`);
  } catch (error) {
    throw new InvalidPiiPatternError(name, error);
  }
}
