/**
 * Splits `total` into integer counts proportional to `weights` (largest remainder; ties go to the
 * earlier weight), so the counts always add up to `total`.
 */
export function allocateQuotas(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new Error('weights must add up to more than 0');
  const exact = weights.map((weight) => (weight / sum) * total);
  const counts = exact.map(Math.floor);
  let missing = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing === 0) break;
    counts[index] += 1;
    missing -= 1;
  }
  return counts;
}
