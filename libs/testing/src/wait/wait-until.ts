import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `condition` until it holds; fails with what it waited for (evaluated at the time of failure when
 * a function) once `timeoutMs` runs out, instead of hanging until the test runner's timeout.
 */
export async function waitUntil(
  what: string | (() => string),
  condition: () => boolean,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      const described = typeof what === 'string' ? what : what();
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${described}`);
    }
    await sleep(10);
  }
}
