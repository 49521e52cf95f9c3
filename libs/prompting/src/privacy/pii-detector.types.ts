import { PiiKind } from './pii-kind.types';

/** One kind of value the masker looks for. */
export interface PiiDetector {
  readonly kind: PiiKind;
  /**
   * A global pattern. A named group `lead` at the start of a match is context kept in front of the
   * placeholder (`Bearer `, `?token=`); the rest of the match is the value that gets masked.
   */
  readonly pattern: RegExp;
  /** A second look at a value the pattern alone cannot judge: a checksum, a digit count, its entropy. */
  readonly accepts?: (value: string, lead: string) => boolean;
}
