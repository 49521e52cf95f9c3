import { SiftError } from '@sift/errors';
import { z } from 'zod';

/** A bad or missing environment variable; the message names every offending variable. */
export class EnvError extends SiftError {
  constructor(
    readonly service: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    const lines = issues.map((issue) => {
      const [variable = '(environment)', ...within] = issue.path.map(String);
      const where = within.length > 0 ? ` (entry ${within.join('.')})` : '';
      return `  ${variable}: ${issue.message}${where}`;
    });
    super('ENV_INVALID', `invalid environment for sift ${service}:\n${lines.join('\n')}`, {
      retriable: false,
    });
  }
}
