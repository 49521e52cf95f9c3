import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RrwebEvent } from '@sift/contracts';
import { parseRrwebRecording } from '@sift/sessions';
import { launchChromium } from '../browser/launch-chromium';
import { pngColourCounts, pngSize } from './png-image.util';
import { renderFrame } from './render-frame';

const ROOT = resolve(__dirname, '../../../..');
const MINI_SHOP_RECORDING = resolve(
  ROOT,
  'test/fixtures/batches/mini-shop/sessions/checkout-error-1/recording.json',
);
const PUBLIC_RECORDING = resolve(ROOT, '../shared/recordings/homepage.json');

async function recording(path: string): Promise<RrwebEvent[]> {
  return parseRrwebRecording(JSON.parse(await readFile(path, 'utf8'))).items;
}

/** Share of the frame's pixels per colour, largest first. */
function colourShares(png: Buffer): [number, number][] {
  const counts = pngColourCounts(png);
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  return [...counts]
    .map(([colour, count]): [number, number] => [colour, count / total])
    .sort((a, b) => b[1] - a[1]);
}

describe('renderFrame', () => {
  let chromium: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    chromium = await launchChromium();
  });
  afterAll(() => chromium?.close());

  it('renders the mini shop at the recorded viewport, styled by its inlined stylesheet', async () => {
    const png = await renderFrame(chromium.browser, await recording(MINI_SHOP_RECORDING), 5_000);
    expect(pngSize(png)).toEqual({ width: 1280, height: 720 });
    expect(png.length).toBeGreaterThan(5_000);
    const shares = new Map(colourShares(png));
    // `header{background:#222}` from the recorded <style>: a dark bar across the top, ~6% of the frame.
    expect(shares.get(0x222222) ?? 0).toBeGreaterThan(0.03);
    expect(shares.get(0xffffff) ?? 0).toBeGreaterThan(0.5);
  });

  const withPublic = existsSync(PUBLIC_RECORDING) ? it : it.skip;
  withPublic('renders a real public recording (posthog.com, 1920×1001) with its colours', async () => {
    const png = await renderFrame(chromium.browser, await recording(PUBLIC_RECORDING), 20_000);
    expect(pngSize(png)).toEqual({ width: 1920, height: 1001 });
    const significant = colourShares(png).filter(([, share]) => share > 0.01);
    expect(significant.length).toBeGreaterThanOrEqual(2);
    expect(significant[0]?.[1]).toBeLessThan(0.95);
  });

  it('refuses a recording without a full snapshot', async () => {
    const events = [{ type: 4, timestamp: 1, data: { href: 'http://x/', width: 10, height: 10 } }];
    await expect(renderFrame(chromium.browser, events, 0)).rejects.toThrow(/full snapshot/);
  });
});
