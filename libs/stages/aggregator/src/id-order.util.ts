/** Code-unit order of ids: deterministic whatever the locale (`localeCompare` is not). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
