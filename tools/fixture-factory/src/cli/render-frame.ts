import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseRrwebRecording } from '@sift/sessions';
import { Command, InvalidArgumentError } from 'commander';
import { launchChromium } from '../browser/launch-chromium';
import { pngSize } from '../replay/png-image.util';
import { renderFrame } from '../replay/render-frame';

interface RenderFrameOptions {
  readonly at: number;
  readonly out: string;
}

const milliseconds = (text: string): number => {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new InvalidArgumentError('expected milliseconds ≥ 0');
  return value;
};

const program = new Command('fixtures:frame')
  .description('render one frame of an rrweb recording to a PNG (headless Chromium, no network)')
  .argument('<recording>', 'rrweb events: a JSON array or one of the PostHog recording shapes')
  .requiredOption('--at <ms>', 'time since the recording started, in ms', milliseconds)
  .requiredOption('--out <file>', 'PNG file to write')
  .action(async (recordingPath: string, options: RenderFrameOptions) => {
    const parsed = parseRrwebRecording(JSON.parse(await readFile(resolve(recordingPath), 'utf8')));
    if (parsed.unrecognized || parsed.items.length === 0) {
      throw new Error(`${recordingPath}: ${parsed.firstProblem ?? 'no rrweb events'}`);
    }
    const chromium = await launchChromium();
    try {
      const started = performance.now();
      const png = await renderFrame(chromium.browser, parsed.items, options.at);
      await writeFile(resolve(options.out), png);
      const { width, height } = pngSize(png);
      const ms = Math.round(performance.now() - started);
      process.stdout.write(
        `${options.out}: ${width}×${height} PNG, ${png.length} bytes, rendered in ${ms} ms\n`,
      );
    } finally {
      await chromium.close();
    }
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`fixtures:frame: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
