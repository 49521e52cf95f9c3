import type { PosthogEvent, RrwebEvent } from '@sift/contracts';

/** How recorded (real) time maps onto the published session time. */
export interface StretchParams {
  /** Epoch ms the stretched session starts at. */
  readonly base: number;
  /** Stretched duration = real duration × factor. */
  readonly factor: number;
}

/** A session after stretching, sorted by time. */
export interface StretchedSession {
  readonly events: PosthogEvent[];
  readonly recording: RrwebEvent[];
  /** From the first to the last event over both streams, in stretched time. */
  readonly durationMs: number;
}

/** t' = base + (t − t0) × factor. */
export function stretchInstant(t: number, t0: number, { base, factor }: StretchParams): number {
  return Math.round(base + (t - t0) * factor);
}

/** Epoch ms of an analytics timestamp; one without an offset is read as UTC, as ingest does. */
export function analyticsTime(timestamp: string): number {
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(timestamp);
  const ms = Date.parse(hasOffset ? timestamp : `${timestamp}Z`);
  if (Number.isNaN(ms)) throw new Error(`unparsable analytics timestamp ${timestamp}`);
  return ms;
}

/**
 * Stretches both streams of one session with the same mapping, so that they stay in step: analytics
 * `timestamp` (and `$prev_pageview_duration`), rrweb `timestamp` and `delay`, and the `timeOffset`s of
 * batched mouse/touch positions.
 * t0 is the earliest timestamp over both streams.
 */
export function stretchSession(
  events: readonly PosthogEvent[],
  recording: readonly RrwebEvent[],
  params: StretchParams,
): StretchedSession {
  const times = [
    ...events.map((event) => analyticsTime(event.timestamp)),
    ...recording.map((e) => e.timestamp),
  ];
  if (times.length === 0) throw new Error('cannot stretch a session without events');
  // reduce, not Math.min(...times): a recording can hold more events than a call has arguments
  const t0 = times.reduce((a, b) => Math.min(a, b));
  const last = times.reduce((a, b) => Math.max(a, b));
  const stretchedEvents = events
    .map((event) => ({
      ...event,
      timestamp: new Date(stretchInstant(analyticsTime(event.timestamp), t0, params)).toISOString(),
      properties: stretchDurations(event.properties, params),
    }))
    .sort((a, b) => analyticsTime(a.timestamp) - analyticsTime(b.timestamp));
  const stretchedRecording = recording
    .map((event) => stretchRrwebEvent(event, t0, params))
    .sort((a, b) => a.timestamp - b.timestamp);
  return {
    events: stretchedEvents,
    recording: stretchedRecording,
    durationMs: (last - t0) * params.factor,
  };
}

// Durations the shop measures in the page, in seconds (PostHog's `$pageleave` carries one).
const DURATION_PROPERTIES_S = ['$prev_pageview_duration'] as const;

function stretchDurations(properties: PosthogEvent['properties'], { factor }: StretchParams) {
  const stretched = { ...properties };
  for (const key of DURATION_PROPERTIES_S) {
    const value = properties[key];
    if (typeof value === 'number') stretched[key] = Math.round(value * factor * 10) / 10;
  }
  return stretched;
}

function stretchRrwebEvent(event: RrwebEvent, t0: number, params: StretchParams): RrwebEvent {
  const stretched: RrwebEvent = { ...event, timestamp: stretchInstant(event.timestamp, t0, params) };
  if (event.delay !== undefined) stretched.delay = event.delay * params.factor;
  const { data } = event;
  if (isRecord(data) && Array.isArray(data['positions'])) {
    stretched.data = {
      ...data,
      positions: data['positions'].map((p: unknown) => stretchPosition(p, params)),
    };
  }
  return stretched;
}

// Batched mouse/touch positions carry their time as an offset (ms, ≤ 0) from the event's timestamp.
function stretchPosition(position: unknown, { factor }: StretchParams): unknown {
  if (!isRecord(position) || typeof position['timeOffset'] !== 'number') return position;
  return { ...position, timeOffset: position['timeOffset'] * factor };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
