import { z } from 'zod';
import { EnvError } from './env.error';
import { setVariables } from './set-variables.util';

/** Parses the environment before anything starts; the one place a service reads `process.env`. */
export function parseEnv<S extends z.ZodType>(
  service: string,
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.output<S> {
  const parsed = schema.safeParse(setVariables(env));
  if (!parsed.success) throw new EnvError(service, parsed.error.issues);
  return parsed.data;
}
