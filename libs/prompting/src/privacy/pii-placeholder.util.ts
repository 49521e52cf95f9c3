import { PiiKind } from './pii-kind.types';

/** Every kind once; the compiler checks that none is missing. */
const KINDS: Record<PiiKind, true> = {
  email: true,
  phone: true,
  card: true,
  iban: true,
  token: true,
  'url-secret': true,
  'field-value': true,
  custom: true,
};

/**
 * What a masked value of `kind` is replaced by: `‹email›`. Short (3-4 o200k tokens) and unlike anything
 * on a page.
 */
export function piiPlaceholder(kind: PiiKind): string {
  return `‹${kind}›`;
}

const PLACEHOLDER = `‹(?:${Object.keys(KINDS).join('|')})›`;
/** Placeholders already written and text rrweb masked itself (`****`): left as they are, never counted. */
const PROTECTED = new RegExp(`(${PLACEHOLDER}|\\*+)`);
const ONLY_MASKED = new RegExp(`^(?:${PLACEHOLDER}|\\*)+$`);

/**
 * `text` with `replace` applied to every stretch outside placeholders and rrweb's `*` runs, which is what
 * makes masking idempotent whatever a pattern (a user's own included) would match.
 */
export function replaceOutsideProtected(text: string, replace: (free: string) => string): string {
  if (!text.includes('‹') && !text.includes('*')) return replace(text);
  const parts = text.split(PROTECTED);
  for (let i = 0; i < parts.length; i += 2) parts[i] = replace(parts[i]);
  return parts.join('');
}

/** Whether `text` is nothing but placeholders and rrweb's `*` (an empty string is not masked). */
export function isAlreadyMasked(text: string): boolean {
  return ONLY_MASKED.test(text);
}
