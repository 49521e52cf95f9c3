/** A kind of personal or secret data the masker replaces. Only kinds and counts are recorded, never values. */
export type PiiKind = 'email' | 'phone' | 'card' | 'iban' | 'token' | 'url-secret' | 'field-value' | 'custom';

/** How many values of each kind were masked; kinds never seen are absent. */
export type PiiCounts = Readonly<Partial<Record<PiiKind, number>>>;

/** A pattern the product adds to the built-in ones, e.g. its own customer numbers. */
export interface ExtraPiiPattern {
  /** Names the pattern in errors; matches are counted and shown as `custom`. */
  readonly name: string;
  /**
   * A RegExp (its flags kept, `g` added) or its source (compiled with `g`). A named group `lead` that opens
   * a match is kept as context: `(?<lead>member no\. )\d+` masks only the number.
   */
  readonly pattern: RegExp | string;
}

export interface PiiMaskingOptions {
  /** Patterns masked before the built-in ones, as `‹custom›`. */
  readonly extraPatterns?: readonly ExtraPiiPattern[];
  /**
   * Values never masked, e.g. a support address shown on every page. Compared whole and case-insensitively
   * with what a detector found (`%40` read as `@`).
   */
  readonly allow?: readonly string[];
}
