/** Seconds as the block writes them: one decimal. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
