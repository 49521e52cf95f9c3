/** Where the replay iframe sits on the page after a seek, in CSS pixels. */
export interface ReplayBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What {@link REPLAY_PAGE_SCRIPT} installs as `window.__siftReplay`. */
export interface ReplayPageHandle {
  /** Creates the rrweb Replayer over `events` inside `#sift-replay-root`. */
  load(events: readonly unknown[]): void;
  /** Pauses the replay at `atMs` after its start and waits (at most `settleMs`) for fonts and images. */
  seek(atMs: number, settleMs: number): Promise<ReplayBox>;
}

/** The global the page script installs; used as `(globalThis as unknown as ReplayPageGlobal)` in evaluate. */
export interface ReplayPageGlobal {
  __siftReplay: ReplayPageHandle;
}

/** The blank page the replay runs in: no margins, one root for rrweb's wrapper. */
export const REPLAY_PAGE_HTML =
  '<!doctype html><html><head><meta charset="utf-8"><title>sift replay</title></head>' +
  '<body style="margin:0;background:#fff;overflow:hidden"><div id="sift-replay-root"></div></body></html>';

/** Frames must show the page, not a border; the cursor must stand where it is, not be mid-transition. */
export const REPLAY_PAGE_CSS =
  '.replayer-wrapper > iframe { border: 0; display: block; }\n' +
  '.replayer-mouse { transition: none !important; }\n';

/**
 * Runs in the page after rrweb's UMD bundle: drives one `rrweb.Replayer` (no skipping of inactivity,
 * no mouse tail, no canvas replay, no warnings) and reports where the replay iframe is.
 */
export const REPLAY_PAGE_SCRIPT = `(() => {
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const within = (promise, ms) => Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms))]);
  const settled = (image) =>
    new Promise((resolve) => {
      image.addEventListener('load', resolve, { once: true });
      image.addEventListener('error', resolve, { once: true });
    });
  let replayer;
  window.__siftReplay = {
    load(events) {
      replayer = new rrweb.Replayer(events, {
        root: document.getElementById('sift-replay-root'),
        skipInactive: false,
        mouseTail: false,
        UNSAFE_replayCanvas: false,
        showWarning: false,
        triggerFocus: false,
      });
    },
    async seek(atMs, settleMs) {
      replayer.pause(atMs);
      await nextFrame();
      await nextFrame();
      const doc = replayer.iframe.contentDocument;
      if (doc) {
        const pending = Array.from(doc.images).filter((image) => !image.complete).map(settled);
        await within(Promise.all([doc.fonts ? doc.fonts.ready : undefined, ...pending]), settleMs);
      }
      await nextFrame();
      await nextFrame();
      const box = replayer.iframe.getBoundingClientRect();
      return { x: box.left, y: box.top, width: box.width, height: box.height };
    },
  };
})();`;
