import { RRWEB_EVENT_TYPE, type RrwebEvent } from '@sift/contracts';

/** A replay viewport in CSS pixels. */
export interface ReplayViewport {
  readonly width: number;
  readonly height: number;
}

/** Used when a recording has no Meta event with a size. */
export const FALLBACK_VIEWPORT: ReplayViewport = { width: 1280, height: 720 };

/** First and last timestamp of a recording (epoch ms), in any event order. */
export function recordingSpan(events: readonly RrwebEvent[]): { startMs: number; endMs: number } {
  let startMs = Infinity;
  let endMs = -Infinity;
  for (const event of events) {
    if (event.timestamp < startMs) startMs = event.timestamp;
    if (event.timestamp > endMs) endMs = event.timestamp;
  }
  return { startMs, endMs };
}

/**
 * The recorded browser viewport at `atMs` after the recording's start: the size of the last Meta
 * event (rrweb type 4) at or before that time, else of the first one, else {@link FALLBACK_VIEWPORT}.
 */
export function viewportAt(events: readonly RrwebEvent[], atMs: number): ReplayViewport {
  const { startMs } = recordingSpan(events);
  const metas = events
    .filter((event) => event.type === RRWEB_EVENT_TYPE.Meta)
    .map((event) => ({ timestamp: event.timestamp, size: metaSize(event.data) }))
    .filter((meta): meta is { timestamp: number; size: ReplayViewport } => meta.size !== undefined)
    .sort((a, b) => a.timestamp - b.timestamp);
  const current = metas.filter((meta) => meta.timestamp - startMs <= atMs).at(-1) ?? metas[0];
  return current?.size ?? FALLBACK_VIEWPORT;
}

function metaSize(data: unknown): ReplayViewport | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { width, height } = data as { width?: unknown; height?: unknown };
  if (typeof width !== 'number' || typeof height !== 'number' || width < 1 || height < 1) return undefined;
  return { width: Math.round(width), height: Math.round(height) };
}
