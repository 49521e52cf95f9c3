import { posthogEventSchema, rrwebEventSchema, type PosthogEvent, type RrwebEvent } from '@sift/contracts';
import type { Browser, HTTPRequest, Page } from 'puppeteer';
import { z } from 'zod';
import { JOURNEYS } from '../journeys/journey-registry';
import { HumanInput } from './human-input';
import { LEAVE_BEACON_PATH, pageBootstrapScript } from './page-bootstrap.script';
import { createRandom } from './random.util';
import type { SessionPlan } from './session-plan.types';

const VIEWPORT = { width: 1280, height: 800 };
const SCREEN = { screenWidth: 1920, screenHeight: 1080 };
const END_OF_SESSION_MARKER = "window.rrweb && window.rrweb.record.addCustomEvent('sift-session-end', {})";

/** Time for the last events (the `$pageleave` on pagehide) to reach Node before the context closes. */
const FLUSH_MS = 300;

export interface RecordSessionOptions {
  /** The shop's origin, e.g. `http://127.0.0.1:4173`; every other request is aborted. */
  readonly shopOrigin: string;
  /** rrweb and console-plugin bundles (see `loadRecorderBundles`). */
  readonly bundles: string;
  /** The page stays open at least this long (real ms), idling at the end if the journey was quicker. */
  readonly minRealMs: number;
}

/** One session as the browser produced it: real timestamps, in arrival order. */
export interface RawSession {
  readonly plan: SessionPlan;
  readonly events: PosthogEvent[];
  readonly recording: RrwebEvent[];
  /** URLs the session tried to reach outside the shop (aborted). */
  readonly blockedUrls: string[];
}

/** Plays one planned session in a fresh incognito context and returns what the shop and rrweb emitted. */
export async function recordSession(
  browser: Browser,
  plan: SessionPlan,
  options: RecordSessionOptions,
): Promise<RawSession> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const events: unknown[] = [];
    const recording: unknown[] = [];
    const blockedUrls: string[] = [];
    await wirePage(page, plan, options, { events, recording, blockedUrls });
    const human = new HumanInput(page, plan.persona, createRandom(`${plan.journeySeed}:hand`));
    const started = Date.now();
    await JOURNEYS[plan.journey.script]({
      page,
      human,
      plan,
      random: createRandom(plan.journeySeed),
      url: (path) => new URL(path, options.shopOrigin).toString(),
    });
    await human.idle(Math.max(0, options.minRealMs - (Date.now() - started)));
    // rrweb only emits on change; without a marker an idle ending would fall outside the recording.
    await page.evaluate(END_OF_SESSION_MARKER);
    // Leaving the page fires pagehide, on which the shop sends $pageleave.
    await page.goto('about:blank');
    await human.idle(FLUSH_MS);
    return {
      plan,
      events: parseAll(events, posthogEventSchema, `${plan.sessionId} analytics event`),
      recording: parseAll(recording, rrwebEventSchema, `${plan.sessionId} rrweb event`),
      blockedUrls,
    };
  } finally {
    await context.close();
  }
}

async function wirePage(
  page: Page,
  plan: SessionPlan,
  { shopOrigin, bundles }: RecordSessionOptions,
  sinks: { events: unknown[]; recording: unknown[]; blockedUrls: string[] },
): Promise<void> {
  await page.setViewport(VIEWPORT);
  // setViewport leaves `screen` at 800×600, smaller than the window: give it a desktop screen around it.
  const client = await page.createCDPSession();
  await client.send('Emulation.setDeviceMetricsOverride', {
    ...VIEWPORT,
    ...SCREEN,
    deviceScaleFactor: 1,
    mobile: false,
  });
  // Bindings first: puppeteer installs them as new-document scripts too, and the bootstrap needs them.
  await page.exposeFunction('__siftEmit', (event: unknown) => void sinks.events.push(event));
  await page.exposeFunction('__siftRecord', (event: unknown) => void sinks.recording.push(event));
  await page.evaluateOnNewDocument(
    pageBootstrapScript(bundles, {
      shopOrigin,
      session: { sessionId: plan.sessionId, distinctId: plan.distinctId, windowId: plan.windowId },
      problems: plan.journey.problems,
    }),
  );
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = new URL(request.url());
    if (url.origin === shopOrigin && url.pathname === LEAVE_BEACON_PATH) {
      sinks.events.push(parseBeacon(request.postData()));
      void request.respond({ status: 204 }).catch(() => undefined);
      return;
    }
    const allowed = url.origin === shopOrigin || url.protocol === 'data:';
    if (!allowed) sinks.blockedUrls.push(request.url());
    // The context may close under a pending request; its resolution then fails harmlessly.
    void (allowed ? request.continue() : request.abort('blockedbyclient')).catch(() => undefined);
  });
}

function parseBeacon(body: string | undefined): unknown {
  try {
    return JSON.parse(body ?? '');
  } catch {
    return { invalidBeacon: body }; // fails validation later, with the body in the message
  }
}

function parseAll<T>(items: readonly unknown[], schema: z.ZodType<T>, what: string): T[] {
  return items.map((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) return parsed.data;
    throw new Error(`${what} #${index} is invalid:\n${z.prettifyError(parsed.error)}`);
  });
}
