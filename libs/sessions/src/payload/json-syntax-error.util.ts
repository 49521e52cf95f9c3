import { errorMessage } from '@sift/errors';

// V8's JSON.parse messages can quote the text ("Unexpected token 'r', "root:x:0:0"... is not valid
// JSON"), so only these fixed kinds and the position are ever shown.
const KINDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Unexpected end of JSON input/, 'unexpected end of input'],
  [/^Unexpected non-whitespace character after JSON/, 'unexpected text after the JSON value'],
  [/^Unexpected token/, 'unexpected character'],
  [/^Unexpected number/, 'unexpected number'],
  [/^Unexpected string/, 'unexpected string'],
  [/^Expected (double-quoted )?property name/, 'expected a property name'],
  [/^Expected ':'/, "expected ':' after a property name"],
  [/^Expected ','/, "expected ',' or a closing bracket"],
  [/^Unterminated string/, 'unterminated string'],
  [/^Bad control character/, 'control character in a string'],
  [/^Bad (escaped character|Unicode escape)/, 'bad escape sequence in a string'],
  [
    /^(No number after minus sign|Exponent part is missing a number|Unterminated fractional number)/,
    'malformed number',
  ],
];

/**
 * What is wrong with `text` according to the `JSON.parse` error it raised, without quoting it: the kind of
 * problem and, when the engine reports one, the line and column (`unexpected end of input at line 3, column 7`).
 */
export function describeJsonSyntaxError(error: unknown, text: string): string {
  const message = errorMessage(error);
  const kind = KINDS.find(([pattern]) => pattern.test(message))?.[1] ?? 'not valid JSON';
  const position = /\bat position (\d+)/.exec(message)?.[1];
  if (position === undefined) return kind;
  const offset = Math.min(Number(position), text.length);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${kind} at line ${line}, column ${column}`;
}
