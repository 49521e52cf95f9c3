import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** rrweb's browser bundle (defines `window.rrweb`) and the replayer's stylesheet, as text. */
export interface RrwebAssets {
  readonly script: string;
  readonly css: string;
}

let assets: Promise<RrwebAssets> | undefined;

/** Reads rrweb's UMD bundle and `style.css` from node_modules once per process; no network involved. */
export function loadRrwebAssets(): Promise<RrwebAssets> {
  assets ??= (async () => {
    // rrweb only exports its main entry; the UMD bundle and the stylesheet sit beside it in dist/.
    const dist = dirname(require.resolve('rrweb'));
    const [script, css] = await Promise.all([
      readFile(join(dist, 'rrweb.umd.min.cjs'), 'utf8'),
      readFile(join(dist, 'style.css'), 'utf8'),
    ]);
    return { script, css };
  })();
  return assets;
}
