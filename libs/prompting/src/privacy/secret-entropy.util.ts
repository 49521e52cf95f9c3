const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const HEX = /^[0-9a-fA-F]+$/;
const WORD_LIKE = /[a-z]{4,}/g;

/** Shannon entropy of `text` in bits per character. */
export function shannonEntropy(text: string): number {
  const seen = new Map<string, number>();
  for (const char of text) seen.set(char, (seen.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of seen.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Share of `text` in runs of four or more lower-case letters: high for words and identifiers. */
function wordiness(text: string): number {
  let inWords = 0;
  for (const match of text.matchAll(WORD_LIKE)) inWords += match[0].length;
  return inWords / text.length;
}

/**
 * Whether a run of 32+ hex or base64 characters looks like a secret rather than an id or a name.
 * UUIDs are ids (Sift follows events and sessions by them), so they are taken out before judging.
 * Hex must mix digits and letters with at least 3 bits of entropy per character; other runs must mix
 * upper case, lower case and digits, with at least 4 bits and at most half of them in word-like runs.
 * For 32 random characters both floors sit below the 0.1st percentile; camelCase and kebab-case names
 * (`MuiButtonBase-root-MuiButton-text1`) fail them.
 */
export function looksLikeSecret(run: string): boolean {
  const body = run.replace(UUID, '').replace(/=+$/, '');
  if (body.length < 32 || body.length > 512 || !/\d/.test(body)) return false;
  if (HEX.test(body)) return /[a-fA-F]/.test(body) && shannonEntropy(body) >= 3;
  return /[A-Z]/.test(body) && /[a-z]/.test(body) && shannonEntropy(body) >= 4 && wordiness(body) <= 0.5;
}
