import { z } from 'zod';
import { inputTimestampSchema } from '../shared/timestamp.schema';

/** The `$event_type` values autocapture records. */
export const POSTHOG_DOM_EVENT_TYPES = ['click', 'change', 'submit'] as const;

/** One entry of `$exception_list`; extra keys (stacktrace, ...) are kept. */
export const posthogExceptionSchema = z.looseObject({
  type: z.string(),
  value: z.string(),
  /** How the exception was caught, e.g. `{ handled: false, type: 'onunhandledrejection' }`. */
  mechanism: z
    .looseObject({
      handled: z.boolean().optional(),
      synthetic: z.boolean().optional(),
      type: z.string().optional(),
    })
    .optional(),
});
export type PosthogException = z.output<typeof posthogExceptionSchema>;

/** One element of an autocaptured event's element chain (PostHog's `elements` array). */
export const posthogElementSchema = z.looseObject({
  tag_name: z.string().optional(),
  text: z.string().nullish(),
  href: z.string().nullish(),
  attr_id: z.string().nullish(),
  attr_class: z.array(z.string()).nullish(),
  nth_child: z.number().nullish(),
  nth_of_type: z.number().nullish(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});
export type PosthogElement = z.output<typeof posthogElementSchema>;

/**
 * Event properties. The keys Sift reads are typed; every other key (custom properties, `$browser`, ...)
 * is kept as `unknown`, because properties are user data.
 */
export const posthogEventPropertiesSchema = z.looseObject({
  /** Groups events into sessions when a single export is given instead of a batch folder. */
  $session_id: z.string().optional(),
  /** Browser tab/window; one session may span several windows (each with its own recording). */
  $window_id: z.string().optional(),
  $current_url: z.string().optional(),
  $pathname: z.string().optional(),
  /** The DOM event behind an `$autocapture` event. */
  $event_type: z.enum(POSTHOG_DOM_EVENT_TYPES).optional(),
  /** PostHog's serialized element chain, e.g. `button.btn:text="Pay"nth-child="2";form;body`. */
  $elements_chain: z.string().optional(),
  $exception_list: z.array(posthogExceptionSchema).optional(),
  /** Legacy exception fields, used when `$exception_list` is absent. */
  $exception_type: z.string().optional(),
  $exception_message: z.string().optional(),
});
export type PosthogEventProperties = z.output<typeof posthogEventPropertiesSchema>;

/**
 * A PostHog-style analytics event (DESIGN §2): one line of `events.jsonl`. Loose: exports carry extra
 * top-level keys (`person`, `elements_chain`, ...) which are kept.
 */
export const posthogEventSchema = z.looseObject({
  uuid: z.string().min(1),
  /** `$pageview`, `$pageleave`, `$autocapture`, `$rageclick`, `$exception`, `$identify` or a custom name. */
  event: z.string().min(1),
  timestamp: inputTimestampSchema,
  distinct_id: z.string(),
  properties: posthogEventPropertiesSchema,
  elements: z.array(posthogElementSchema).optional(),
});
export type PosthogEvent = z.output<typeof posthogEventSchema>;

/** A session's analytics events as ingest validates them (per session: a bad event skips that session only). */
export const sessionEventsSchema = z.array(posthogEventSchema);
