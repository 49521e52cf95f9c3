import { launchChromium } from '../browser/launch-chromium';
import type { BatchLabels } from '../labels.schema';
import { buildLabels } from '../output/build-labels.util';
import { writeBatch, type WrittenBatch } from '../output/write-batch';
import { loadRecorderBundles } from './page-bootstrap.script';
import { planSessions } from './plan-sessions.util';
import { recordBatch } from './record-batch';

export interface FixtureBatchOptions {
  readonly sessions: number;
  readonly seed: number;
  /** Receives `batch/` and `labels.json`. */
  readonly out: string;
  readonly concurrency: number;
  readonly stretch: number;
  /** A shop already running there is used instead of starting one. */
  readonly shopUrl?: string;
  readonly log?: (line: string) => void;
}

export interface FixtureBatchResult {
  readonly labels: BatchLabels;
  readonly written: WrittenBatch;
  readonly wallMs: number;
}

// Loaded on demand: with --shop-url the recorder runs against any shop without the bundled server.
async function startShop(): Promise<{ url: string; close(): Promise<void> }> {
  const { startShopServer } = await import('../server/shop-server');
  return startShopServer();
}

const QUESTION = 'Where and why do shoppers struggle to buy in the demo shop?';
const PRODUCT = 'Sift demo shop';

/** Plans, records (real Chromium against the demo shop), stretches, labels and writes a fresh batch. */
export async function recordFixtureBatch(options: FixtureBatchOptions): Promise<FixtureBatchResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const plans = planSessions(options.seed, options.sessions);
  const shop = options.shopUrl === undefined ? await startShop() : undefined;
  try {
    const shopOrigin = new URL(options.shopUrl ?? shop?.url ?? '').origin;
    const chromium = await launchChromium();
    try {
      const sessions = await recordBatch(plans, {
        browser: chromium.browser,
        shopOrigin,
        bundles: await loadRecorderBundles(),
        concurrency: options.concurrency,
        stretch: options.stretch,
        onSession: (session) =>
          log(
            `${session.plan.sessionId} ${session.plan.journey.name} (${session.plan.persona.name}): ` +
              `${session.events.length} events, ${session.recording.length} rrweb events, ` +
              `${(session.durationMs / 1000).toFixed(0)} s${session.attempts > 1 ? `, try ${session.attempts}` : ''}` +
              (session.blockedUrls.length > 0 ? `; blocked: ${session.blockedUrls.join(' ')}` : ''),
          ),
      });
      const labels = buildLabels(options.seed, options.stretch, sessions);
      const batch = {
        reportId: `shop-${options.seed}-${options.sessions}`,
        question: QUESTION,
        product: PRODUCT,
      };
      const written = await writeBatch(options.out, batch, sessions, labels);
      return { labels, written, wallMs: Date.now() - started };
    } finally {
      await chromium.close();
    }
  } finally {
    await shop?.close();
  }
}
