/**
 * A lookbehind that lets a value start only where none of `chars` (a character-class body) precedes it, or
 * right after an escape of serialized text (`\n`, `\u0022`) but never inside one, so that JSON and YAML
 * strings keep their escapes. Starting only at the front of a run also keeps scanning long runs (inline base64 images) linear.
 */
export function startNotAfter(chars: string): string {
  return String.raw`(?:(?<![\\${chars}])|(?<=\\[bfnrt])|(?<=\\u[0-9A-Fa-f]{4}))`;
}

/** How many ASCII digits `text` holds. */
export function digitCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) count += 1;
  }
  return count;
}

/** Whether every digit in `text` is the same one (`0000 0000`, `4444-4444-4444-4444`). */
export function isOneDigitRepeated(text: string): boolean {
  const digits = text.replace(/\D/g, '');
  return digits.length > 0 && /^(\d)\1*$/.test(digits);
}
