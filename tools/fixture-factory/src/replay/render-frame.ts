import type { RrwebEvent } from '@sift/contracts';
import type { Browser } from 'puppeteer';
import { openReplay, type ReplayOptions } from './replay-session.util';

/**
 * Renders one frame of an rrweb recording: replays `events` in a fresh page of `browser` up to
 * `atMs` after the recording's first event, waits for the frame to settle and returns a PNG of the
 * replayed page at the recorded viewport size (the Meta event's width × height), cursor included.
 * The page is closed afterwards; to capture many frames of one recording use `openReplay`.
 */
export async function renderFrame(
  browser: Browser,
  events: readonly RrwebEvent[],
  atMs: number,
  options: ReplayOptions = {},
): Promise<Buffer> {
  const replay = await openReplay(browser, events, options);
  try {
    return await replay.frameAt(atMs);
  } finally {
    await replay.close();
  }
}
