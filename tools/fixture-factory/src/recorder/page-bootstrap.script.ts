import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ProblemId } from '../problem-catalogue';

/** What the shop reads from `window` before any of its own scripts run (DOM-CONTRACT.md). */
export interface PageBootstrap {
  readonly shopOrigin: string;
  readonly session: { readonly sessionId: string; readonly distinctId: string; readonly windowId: string };
  readonly problems: readonly ProblemId[];
}

/** rrweb's and its console plugin's UMD bundles, which define `window.rrweb` / `window.rrwebPluginConsoleRecord`. */
export async function loadRecorderBundles(): Promise<string> {
  // Both packages only export their main entry; the UMD bundles sit beside it in dist/.
  const rrweb = join(dirname(require.resolve('rrweb')), 'rrweb.umd.min.cjs');
  const plugin = join(
    dirname(require.resolve('@rrweb/rrweb-plugin-console-record')),
    'rrweb-plugin-console-record.umd.min.cjs',
  );
  const sources = await Promise.all([readFile(rrweb, 'utf8'), readFile(plugin, 'utf8')]);
  // Each bundle runs in its own function with `this` = window, so the UMD wrapper assigns a global.
  return sources.map((source) => `(function () {\n${source}\n}).call(window);`).join('\n');
}

/**
 * The script the recorder evaluates on every new document: sets the session wiring and, on shop pages
 * only, starts rrweb (with the console plugin for errors and warnings) once the document exists.
 */
export function pageBootstrapScript(bundles: string, bootstrap: PageBootstrap): string {
  return `(() => {
  window.__SIFT_SESSION__ = ${JSON.stringify(bootstrap.session)};
  window.__SIFT_PROBLEMS__ = ${JSON.stringify(bootstrap.problems)};
  if (location.origin !== ${JSON.stringify(bootstrap.shopOrigin)}) return;
  ${LEAVE_BEACON}
  ${EARLY_ERRORS}
  ${bundles}
  const start = () => {
    if (typeof window.__siftRecord !== 'function' || !window.rrweb) return;
    window.rrweb.record({
      emit: (event) => {
        window.__siftRecord(event);
        if (event.type === 2) flushEarlyErrors(event.timestamp);
      },
      plugins: [window.rrwebPluginConsoleRecord.getRecordConsolePlugin({ level: ['error', 'warn'] })],
      sampling: { mousemove: 50, scroll: 150 },
      recordAfter: 'DOMContentLoaded',
    });
  };
  if (document.readyState !== 'loading' && document.documentElement) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
  // A page restored from the back/forward cache keeps its recorder but is a new view: snapshot it again.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && window.rrweb) window.rrweb.record.takeFullSnapshot(true);
  });
})();`;
}

/** Same-origin path the page posts analytics events to while it is being left (see LEAVE_BEACON). */
export const LEAVE_BEACON_PATH = '/__sift/emit';

// Chromium drops binding calls made during pagehide, so the shop's $pageleave would never arrive. While
// the page is being left, events go out as a beacon instead, which the recorder intercepts.
const LEAVE_BEACON = `
  let leaving = false;
  window.addEventListener('pagehide', () => { leaving = true; }, true);
  window.addEventListener('pageshow', () => { leaving = false; }, true);
  const exposedEmit = window.__siftEmit;
  if (typeof exposedEmit === 'function') {
    window.__siftEmit = (event) =>
      leaving ? void navigator.sendBeacon('${LEAVE_BEACON_PATH}', JSON.stringify(event)) : exposedEmit(event);
  }`;

// rrweb (and so its console plugin) can only start once the DOM is parsed, but inline page scripts throw
// before that. Their errors are kept and written, after the full snapshot, as the console plugin would have.
const EARLY_ERRORS = `
  let recording = false;
  const earlyErrors = [];
  window.addEventListener('error', (event) => {
    if (recording) return;
    earlyErrors.push({
      message: String(event.message),
      trace: event.filename ? [event.filename + ':' + event.lineno + ':' + event.colno] : [],
    });
  });
  const flushEarlyErrors = (timestamp) => {
    if (recording) return;
    recording = true;
    for (const error of earlyErrors.splice(0)) {
      window.__siftRecord({
        type: 6,
        timestamp,
        data: {
          plugin: 'rrweb/console@1',
          payload: { level: 'error', trace: error.trace, payload: [JSON.stringify(error.message)] },
        },
      });
    }
  };`;
