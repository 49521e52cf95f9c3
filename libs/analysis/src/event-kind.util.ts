import type { PosthogEvent } from '@sift/contracts';

/** An exception as the analyzer reports it. */
export interface ExceptionFacts {
  type: string;
  message: string;
}

export function isPageview(event: PosthogEvent): boolean {
  return event.event === '$pageview';
}

/** An autocaptured click (PostHog records one per click, rage or not). */
export function isClick(event: PosthogEvent): boolean {
  return event.event === '$autocapture' && event.properties.$event_type === 'click';
}

/** PostHog's own rage-click event (3+ clicks within 1 s and 30 px, detected in the browser). */
export function isRageClickEvent(event: PosthogEvent): boolean {
  return event.event === '$rageclick';
}

/** Type and message of an `$exception`, from `$exception_list[0]` or the legacy fields; else undefined. */
export function exceptionOf(event: PosthogEvent): ExceptionFacts | undefined {
  if (event.event !== '$exception') return undefined;
  const first = event.properties.$exception_list?.[0];
  const type = (first?.type ?? event.properties.$exception_type ?? '').trim();
  const message = (first?.value ?? event.properties.$exception_message ?? '').trim();
  return { type: type || 'Error', message };
}

/** `TypeError: Cannot read ...`, or just the type when there is no message. */
export function exceptionHeadline(facts: ExceptionFacts): string {
  return facts.message ? `${facts.type}: ${facts.message}` : facts.type;
}
