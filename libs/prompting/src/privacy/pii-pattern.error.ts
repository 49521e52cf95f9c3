import { errorMessage, SiftError } from '@sift/errors';

/** An extra PII pattern from the options is not a valid regular expression. */
export class InvalidPiiPatternError extends SiftError {
  constructor(
    readonly patternName: string,
    cause: unknown,
  ) {
    super(
      'INVALID_PII_PATTERN',
      `PII pattern "${patternName}" is not a valid regular expression: ${errorMessage(cause)}`,
      { retriable: false, cause },
    );
  }
}
