import { describeJsonSyntaxError } from './json-syntax-error.util';

function syntaxErrorOf(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return describeJsonSyntaxError(error, text);
  }
  throw new Error(`${text} parsed`);
}

describe('describeJsonSyntaxError', () => {
  it.each([
    ['root:x:0:0:root:/root:/bin/bash', 'unexpected character'],
    ['SECRET', 'unexpected character'],
    ['[1, 2', "expected ',' or a closing bracket at line 1, column 6"],
    ['{"a": 1,\n "b": }', 'unexpected character'],
    ['{"a": 1,\n "b" 2}', 'unexpected number at line 2, column 6'],
    ['{"a": 1,}', 'expected a property name at line 1, column 9'],
    ['["SECRET\n"]', 'control character in a string at line 1, column 9'],
    ['["\\SECRET"]', 'bad escape sequence in a string at line 1, column 4'],
    ['[1] SECRET', 'unexpected text after the JSON value at line 1, column 5'],
    ['[-SECRET]', 'malformed number at line 1, column 3'],
    ['"SECRET', 'unterminated string at line 1, column 8'],
    ['', 'unexpected end of input'],
  ])('describes %j without quoting it', (text, description) => {
    const described = syntaxErrorOf(text);
    expect(described).toBe(description);
    expect(described).not.toMatch(/SECRET|root/);
  });

  it('falls back to a fixed phrase for messages it does not know', () => {
    expect(describeJsonSyntaxError(new SyntaxError('"SECRET" is something new'), 'SECRET')).toBe(
      'not valid JSON',
    );
  });
});
