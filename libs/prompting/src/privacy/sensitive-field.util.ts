/** What a recording tells about the field a value was typed into. */
export interface FieldHints {
  readonly type?: string;
  readonly name?: string;
  readonly id?: string;
  readonly autocomplete?: string;
}

/** Words in a field's name or id that mark a secret, payment or national-id field. */
const SENSITIVE_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'pw',
  'pass',
  'passcode',
  'passphrase',
  'pin',
  'secret',
  'otp',
  'cvc',
  'cvv',
  'cvv2',
  'cvc2',
  'csc',
  'cc',
  'ccnum',
  'ccnumber',
  'card',
  'cardnumber',
  'creditcard',
  'iban',
  'ssn',
  'passport',
]);

/** Phrases of several words that mean the same (`securityCode`, `account-number`, `tax_id`). */
const SENSITIVE_PHRASES = [
  'security code',
  'account number',
  'routing number',
  'sort code',
  'social security',
  'tax id',
  'national id',
];

/** Autocomplete tokens (WHATWG) for credentials and payment data: `cc-number`, `cc-csc`, `cc-exp`, … */
const SENSITIVE_AUTOCOMPLETE = /^(?:cc-[a-z-]+|current-password|new-password|one-time-code)$/;

/**
 * Whether a value typed into this field must be hidden whole, whatever it looks like: a password field,
 * a payment field by its autocomplete token, or a field whose name or id says password, PIN, card, CVC,
 * IBAN, SSN and the like.
 */
export function isSensitiveField(field: FieldHints): boolean {
  if (field.type?.trim().toLowerCase() === 'password') return true;
  const autocomplete = field.autocomplete?.toLowerCase().split(/\s+/) ?? [];
  if (autocomplete.some((token) => SENSITIVE_AUTOCOMPLETE.test(token))) return true;
  return [field.name, field.id].some((hint) => hint !== undefined && namesSensitiveData(hint));
}

function namesSensitiveData(hint: string): boolean {
  const words = hint
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.some((word) => SENSITIVE_WORDS.has(word))) return true;
  const phrase = ` ${words.join(' ')} `;
  return SENSITIVE_PHRASES.some((sensitive) => phrase.includes(` ${sensitive} `));
}
