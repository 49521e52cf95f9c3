import { countTokens as countO200k } from 'gpt-tokenizer/cjs/encoding/o200k_base';

/** The encoding Sift measures text in: the one GPT-4o, GPT-4.1 and the o-series read (OpenAI's o200k_base). */
export const TOKEN_ENCODING = 'o200k_base';

/** Tokens of `text` in o200k_base, counted locally (the encoding ships with the library; no network). */
export function countTokens(text: string): number {
  return text.length === 0 ? 0 : countO200k(text);
}
