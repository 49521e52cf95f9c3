/** The environment without empty variables: `FOO=` means unset (zod's coerce would read '' as 0). */
export function setVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
}
