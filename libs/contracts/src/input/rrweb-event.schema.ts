import { z } from 'zod';

/** rrweb's `EventType` enum. */
export const RRWEB_EVENT_TYPE = {
  DomContentLoaded: 0,
  Load: 1,
  FullSnapshot: 2,
  IncrementalSnapshot: 3,
  Meta: 4,
  Custom: 5,
  Plugin: 6,
} as const;
export type RrwebEventType = (typeof RRWEB_EVENT_TYPE)[keyof typeof RRWEB_EVENT_TYPE];

/**
 * One rrweb recording event. `data` is left to the replayer (its shape depends on `type` and on the
 * rrweb version); extra keys some trackers add are kept.
 */
export const rrwebEventSchema = z.looseObject({
  type: z.int().min(0).max(6),
  /** Epoch milliseconds. */
  timestamp: z.number().nonnegative(),
  data: z.unknown(),
  delay: z.number().optional(),
});
export type RrwebEvent = z.output<typeof rrwebEventSchema>;

/** A session's recording as ingest validates it after unwrapping the PostHog API shapes. */
export const sessionRecordingSchema = z.array(rrwebEventSchema);
