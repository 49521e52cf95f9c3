/**
 * Runs `task` for 0..count-1 with at most `limit` in flight and returns the sum of what the tasks
 * return. Keeps no per-item results, so memory stays flat however large `count` is.
 */
export async function sumConcurrent(
  count: number,
  limit: number,
  task: (index: number) => Promise<number>,
): Promise<number> {
  let next = 0;
  let total = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const result = await task(next++);
      total += result;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
  return total;
}
