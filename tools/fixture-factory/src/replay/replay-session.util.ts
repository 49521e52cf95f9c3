import { RRWEB_EVENT_TYPE, type RrwebEvent } from '@sift/contracts';
import type { Browser, HTTPRequest, Page } from 'puppeteer';
import { recordingSpan, viewportAt } from './recording-viewport.util';
import {
  REPLAY_PAGE_CSS,
  REPLAY_PAGE_HTML,
  REPLAY_PAGE_SCRIPT,
  type ReplayPageGlobal,
} from './replay-page.script';
import { loadRrwebAssets } from './rrweb-assets.util';

/** Options of {@link openReplay}. */
export interface ReplayOptions {
  /** Longest wait for fonts and images after a seek. Default 2000 ms. */
  readonly settleMs?: number;
  /**
   * Which requests the replayed page may make. Default: only `data:`/`blob:` URLs, so a replay never
   * reaches for the network (recorded remote assets then show as broken images, as offline).
   */
  readonly allowRequest?: (url: string) => boolean;
}

/** One recording loaded into a Chromium page, ready to be captured at any time offset. */
export interface ReplaySession {
  readonly page: Page;
  /** Recording length, ms from the first to the last event. */
  readonly durationMs: number;
  /** A PNG of the replay at `atMs` after the recording's start, at the recorded viewport size. */
  frameAt(atMs: number): Promise<Buffer>;
  close(): Promise<void>;
}

const DEFAULT_SETTLE_MS = 2_000;
const LOCAL_ONLY = (url: string): boolean => /^(data|blob|about):/.test(url);

/**
 * Opens a blank page in `browser`, loads rrweb's bundle and stylesheet inline (no network) and creates
 * a Replayer over `events` (a plain rrweb event array). Throws when the recording cannot be replayed.
 */
export async function openReplay(
  browser: Browser,
  events: readonly RrwebEvent[],
  options: ReplayOptions = {},
): Promise<ReplaySession> {
  assertReplayable(events);
  const { startMs, endMs } = recordingSpan(events);
  const allow = options.allowRequest ?? LOCAL_ONLY;
  const page = await browser.newPage();
  try {
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      void (allow(request.url()) ? request.continue() : request.abort('blockedbyclient'));
    });
    await page.setViewport({ ...viewportAt(events, 0), deviceScaleFactor: 1 });
    await page.setContent(REPLAY_PAGE_HTML);
    const { script, css } = await loadRrwebAssets();
    await page.addStyleTag({ content: css + REPLAY_PAGE_CSS });
    await page.addScriptTag({ content: script });
    await page.addScriptTag({ content: REPLAY_PAGE_SCRIPT });
    await page.evaluate((all) => (globalThis as unknown as ReplayPageGlobal).__siftReplay.load(all), events);
  } catch (error) {
    await page.close();
    throw error;
  }
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  return {
    page,
    durationMs: endMs - startMs,
    frameAt: async (atMs) => {
      const viewport = viewportAt(events, atMs);
      const current = page.viewport();
      if (current?.width !== viewport.width || current.height !== viewport.height) {
        await page.setViewport({ ...viewport, deviceScaleFactor: 1 });
      }
      const box = await page.evaluate(
        (at, settle) => (globalThis as unknown as ReplayPageGlobal).__siftReplay.seek(at, settle),
        atMs,
        settleMs,
      );
      if (box.width < 1 || box.height < 1) throw new Error(`the replay shows nothing at ${atMs} ms`);
      const clip = { x: box.x, y: box.y, width: Math.round(box.width), height: Math.round(box.height) };
      return Buffer.from(await page.screenshot({ type: 'png', clip, captureBeyondViewport: true }));
    },
    close: () => page.close(),
  };
}

function assertReplayable(events: readonly RrwebEvent[]): void {
  const fullSnapshot = events.findIndex((event) => event.type === RRWEB_EVENT_TYPE.FullSnapshot);
  if (fullSnapshot === -1) {
    throw new Error('the recording has no full snapshot (rrweb type 2), so there is nothing to replay');
  }
  if (!events.some((event) => event.type === RRWEB_EVENT_TYPE.Meta)) {
    throw new Error('the recording has no Meta event (rrweb type 4): the replayer would never show the page');
  }
}
