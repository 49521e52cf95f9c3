import { EMAIL_DETECTOR, PHONE_DETECTOR } from './contact-detectors.util';
import { extraPatternDetectors } from './extra-patterns.util';
import { CARD_DETECTOR, IBAN_DETECTOR } from './payment-detectors.util';
import { PiiDetector } from './pii-detector.types';
import { PiiCounts, PiiKind, PiiMaskingOptions } from './pii-kind.types';
import { isAlreadyMasked, piiPlaceholder, replaceOutsideProtected } from './pii-placeholder.util';
import { PiiScan, scanForPii } from './pii-scan.util';
import {
  BEARER_DETECTOR,
  HIGH_ENTROPY_DETECTOR,
  JWT_DETECTOR,
  VENDOR_KEY_DETECTOR,
} from './secret-detectors.util';
import { FieldHints, isSensitiveField } from './sensitive-field.util';
import { maskUrlParts, safeDecode } from './url-masking.util';
import { URL_SECRET_DETECTOR } from './url-secrets.util';

/**
 * Most specific first: a labelled secret before the shapes, an IBAN before the card inside it, a card
 * before the phone number it would also fit, the entropy guess last.
 */
const BUILT_IN_DETECTORS: readonly PiiDetector[] = [
  URL_SECRET_DETECTOR,
  JWT_DETECTOR,
  VENDOR_KEY_DETECTOR,
  BEARER_DETECTOR,
  EMAIL_DETECTOR,
  IBAN_DETECTOR,
  CARD_DETECTOR,
  PHONE_DETECTOR,
  HIGH_ENTROPY_DETECTOR,
];

/**
 * Masks personal data and secrets in text before it goes to a model, and counts what it masked by kind
 * (never the values). Masked values become short placeholders (`‹email›`, `‹phone›`, `‹card›`, `‹iban›`,
 * `‹token›`, `‹url-secret›`, `‹field-value›`, `‹custom›`); masking masked text changes and counts nothing,
 * and text rrweb already masked (`****`) is left as it is. One masker per rendered session keeps its
 * counts apart.
 */
export class PiiMasker {
  private readonly detectors: readonly PiiDetector[];
  private readonly allowed: ReadonlySet<string>;
  private readonly tally = new Map<PiiKind, number>();

  /** @throws InvalidPiiPatternError when an extra pattern is not a valid regular expression. */
  constructor(options: PiiMaskingOptions = {}) {
    this.detectors = [...extraPatternDetectors(options.extraPatterns ?? []), ...BUILT_IN_DETECTORS];
    this.allowed = new Set((options.allow ?? []).map(allowKey));
  }

  /** `text` with every e-mail address, phone, card, IBAN, token, secret URL parameter and extra match masked. */
  mask(text: string): string {
    const scan = this.scan(text);
    this.countAll(scan.found);
    return scan.text;
  }

  /**
   * `url` (absolute or relative) with the values of secret parameters (`token`, `key`, `api_key`,
   * `password`, `code`, `sig`, `session`, `sid`, any `…_token` or `…_secret`, in the query or the fragment)
   * and any `user:password@` replaced by `‹url-secret›`, and PII in the path, the other parameters and the
   * fragment masked, percent-encoded or not. The rest of the URL stays byte for byte. Text that is no URL
   * goes through `mask`.
   */
  maskUrl(url: string): string {
    const masked = maskUrlParts(url, {
      part: (raw) => this.maskUrlPart(raw),
      secret: (raw) => this.maskWhole(raw, 'url-secret', safeDecode(raw)),
    });
    return masked ?? this.mask(url);
  }

  /**
   * A value typed into a field: `‹field-value›` whole when the field is a password, payment or national-id
   * field (by its type, autocomplete token, name or id; the allow-list does not apply), else `mask(value)`.
   */
  maskFieldValue(value: string, field: FieldHints): string {
    return isSensitiveField(field) ? this.maskWhole(value, 'field-value') : this.mask(value);
  }

  /** How many values of each kind were masked so far; kinds never masked are absent. */
  counts(): PiiCounts {
    return Object.freeze(Object.fromEntries(this.tally));
  }

  /** `value` as one placeholder, unless it is empty or masked already (judged as `readAs`). */
  private maskWhole(value: string, kind: PiiKind, readAs = value): string {
    if (value === '' || isAlreadyMasked(readAs)) return value;
    this.count(kind, 1);
    return piiPlaceholder(kind);
  }

  /** A piece of a URL, read decoded too (`john%2Esmith%40example.com`) and kept encoded where nothing is found. */
  private maskUrlPart(raw: string): string {
    const decoded = safeDecode(raw);
    if (decoded === raw) return this.mask(raw);
    const scan = this.scan(decoded);
    if (scan.found.size === 0) return raw;
    this.countAll(scan.found);
    return replaceOutsideProtected(scan.text, encodeURIComponent);
  }

  private scan(text: string): PiiScan {
    return scanForPii(text, this.detectors, (value) => this.allowed.has(allowKey(value)));
  }

  private countAll(found: PiiScan['found']): void {
    for (const [kind, count] of found) this.count(kind, count);
  }

  private count(kind: PiiKind, count: number): void {
    this.tally.set(kind, (this.tally.get(kind) ?? 0) + count);
  }
}

/** Allow-list entries and found values compare case-insensitively, with `%40` read as `@`. */
function allowKey(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/%(?:25)?40/g, '@');
}
