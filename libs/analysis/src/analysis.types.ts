import type { ExceptionImpact, PosthogEvent } from '@sift/contracts';

/** Input of {@link analyzeSessionOffline}. */
export interface AnalyzeSessionOfflineInput {
  sessionId: string;
  /** Passed through to the summary (the cache key's first part). */
  contentHash?: string;
  /** The session's analytics events, sorted by timestamp (ties keep their order). */
  events: PosthogEvent[];
}

/** What gave a flagged moment away; patterns group on it. */
export type OfflineSignal = 'exception' | 'rage-click';

/** A flagged moment found by one of the detectors, before it becomes a key action. */
export interface Detection {
  /** Index of the source event in the timeline. */
  index: number;
  signal: OfflineSignal;
  description: string;
  /** Short words for outcome lines, e.g. `TypeError` or `rage-clicking button "Add to cart"`. */
  gist: string;
  target?: string;
  exception: ExceptionImpact | null;
  confusion: boolean;
}

/** How the session reached its goal, when it did: a success event or a success page. */
export interface SessionSuccess {
  kind: 'event' | 'page';
  /** Index of the event (or last pageview) that shows the success. */
  index: number;
  /** E.g. `Completed an order`. */
  description: string;
}
