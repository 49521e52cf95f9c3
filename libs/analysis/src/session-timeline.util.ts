import type { PosthogEvent } from '@sift/contracts';

/** A session's events in time order, with the facts every detector needs precomputed once. */
export interface SessionTimeline {
  readonly events: readonly PosthogEvent[];
  /** Epoch milliseconds of each event. */
  readonly times: readonly number[];
  /** The page each event happened on: its own `$current_url`/`$pathname`, else the last one seen before. */
  readonly urls: readonly (string | undefined)[];
  /** The path of `urls[i]`, e.g. `/checkout`. */
  readonly paths: readonly (string | undefined)[];
}

const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Builds the timeline; events are stably sorted by time, so ties keep their input order. */
export function buildTimeline(input: readonly PosthogEvent[]): SessionTimeline {
  const events = input
    .map((event, order) => ({ event, order, time: epochMsOf(event.timestamp) }))
    .sort((a, b) => a.time - b.time || a.order - b.order);
  const urls: (string | undefined)[] = [];
  let lastUrl: string | undefined;
  for (const { event } of events) {
    lastUrl = event.properties.$current_url ?? event.properties.$pathname ?? lastUrl;
    urls.push(lastUrl);
  }
  return {
    events: events.map((e) => e.event),
    times: events.map((e) => e.time),
    urls,
    paths: urls.map((url) => (url === undefined ? undefined : pathOfUrl(url))),
  };
}

/** Epoch ms of an input timestamp; one without an offset is read as UTC (DESIGN §2), never local time. */
export function epochMsOf(timestamp: string): number {
  return Date.parse(HAS_OFFSET.test(timestamp) ? timestamp : `${timestamp}Z`);
}

/** The path of an absolute or relative URL, without query or hash: `https://x.com/a/b?q=1` → `/a/b`. */
export function pathOfUrl(url: string): string {
  const withoutOrigin = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const path = withoutOrigin.split(/[?#]/)[0] ?? '';
  if (path === '') return '/';
  return path.startsWith('/') ? path : `/${path}`;
}
