import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The hand-made batch folder in test/fixtures/batches. */
export const MINI_SHOP = resolve(__dirname, '../../../../test/fixtures/batches/mini-shop');

/** Real public rrweb recordings beside the checkout (see ../shared/recordings/SOURCES.md). */
export const RECORDINGS = resolve(__dirname, '../../../../../shared/recordings');

/** Parsed JSON of one of the shared recordings, in its original shape. */
export async function sharedRecording(file: string): Promise<unknown> {
  return JSON.parse(await readFile(join(RECORDINGS, file), 'utf8')) as unknown;
}

/** A scratch folder per test file; `write` creates parent folders. */
export class ScratchDir {
  private root = '';

  async create(): Promise<string> {
    this.root = await mkdtemp(join(tmpdir(), 'sift-sessions-'));
    return this.root;
  }

  path(...parts: string[]): string {
    return join(this.root, ...parts);
  }

  async write(relative: string, content: string | Buffer): Promise<string> {
    const path = this.path(relative);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    return path;
  }

  async mkdir(relative: string): Promise<string> {
    const path = this.path(relative);
    await mkdir(path, { recursive: true });
    return path;
  }

  async remove(): Promise<void> {
    if (this.root !== '') await rm(this.root, { recursive: true, force: true });
  }
}

/** A minimal valid PostHog event at `second` seconds after 2024-06-01T10:00:00Z. */
export function posthogEvent(
  second: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    uuid: `evt-${second}`,
    event: '$pageview',
    timestamp: new Date(Date.UTC(2024, 5, 1, 10, 0, 0) + second * 1000).toISOString(),
    distinct_id: 'user-1',
    properties: { $session_id: 's1', $current_url: 'https://shop.example/', $pathname: '/' },
    ...overrides,
  };
}
