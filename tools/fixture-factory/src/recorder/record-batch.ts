import type { Browser } from 'puppeteer';
import { recordSession } from './record-session';
import { bulkhead } from 'cockatiel';
import type { SessionPlan } from './session-plan.types';
import { stretchSession, type StretchedSession } from './stretch-time.util';

/** Ingest keeps a session only if 10 s remain after cutting 5 s at each end; this leaves room to spare. */
export const MIN_STRETCHED_DURATION_MS = 25_000;
const DEFAULT_ATTEMPTS = 3;

export interface RecordBatchOptions {
  readonly browser: Browser;
  readonly shopOrigin: string;
  /** rrweb and console-plugin bundles (see `loadRecorderBundles`). */
  readonly bundles: string;
  /** Pages recording at once. */
  readonly concurrency: number;
  /** Real time × this factor = session time. */
  readonly stretch: number;
  readonly attempts?: number;
  /** Called as each session is done, for progress output. */
  readonly onSession?: (session: RecordedSession) => void;
}

/** A planned session, played, validated and stretched. */
export interface RecordedSession extends StretchedSession {
  readonly plan: SessionPlan;
  readonly blockedUrls: string[];
  /** 1 unless a try failed or came out too short. */
  readonly attempts: number;
}

/** Records every planned session, `concurrency` at a time, re-recording failed or too short ones. */
export async function recordBatch(
  plans: readonly SessionPlan[],
  options: RecordBatchOptions,
): Promise<RecordedSession[]> {
  const slots = bulkhead(Math.max(1, options.concurrency), Number.MAX_SAFE_INTEGER);
  const stop = new AbortController();
  return Promise.all(
    plans.map((plan) =>
      slots.execute(async ({ signal }) => {
        // After one session failed for good, the rest are not started: the batch is lost anyway.
        signal.throwIfAborted();
        try {
          const session = await recordWithRetries(plan, options);
          options.onSession?.(session);
          return session;
        } catch (error) {
          stop.abort(error);
          throw error;
        }
      }, stop.signal),
    ),
  );
}

async function recordWithRetries(plan: SessionPlan, options: RecordBatchOptions): Promise<RecordedSession> {
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  // Real time needed for the minimum, plus a margin that grows if a try still came out short.
  let minRealMs = (MIN_STRETCHED_DURATION_MS / options.stretch) * 1.1;
  const problems: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const raw = await recordSession(options.browser, plan, {
        shopOrigin: options.shopOrigin,
        bundles: options.bundles,
        minRealMs,
      });
      const stretched = stretchSession(raw.events, raw.recording, {
        base: plan.startTime,
        factor: options.stretch,
      });
      if (stretched.durationMs >= MIN_STRETCHED_DURATION_MS && raw.events.length > 0) {
        return { ...stretched, plan, blockedUrls: raw.blockedUrls, attempts: attempt };
      }
      problems.push(`too short: ${stretched.durationMs} ms, ${raw.events.length} analytics events`);
      minRealMs *= 1.5;
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  throw new Error(`session ${plan.sessionId} failed ${attempts} times:\n- ${problems.join('\n- ')}`);
}
