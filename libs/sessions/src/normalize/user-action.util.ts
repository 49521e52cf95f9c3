import type { PosthogEvent } from '@sift/contracts';

/**
 * Something the user did: a click, an input, a submit, a rage click, a navigation after the first page,
 * or a product's own event (custom events without `$`). Page loads, errors and library bookkeeping are not.
 */
export function isUserAction(event: PosthogEvent, index: number): boolean {
  if (event.event === '$autocapture' || event.event === '$rageclick') return true;
  if (event.event === '$pageview') return index > 0;
  return !event.event.startsWith('$');
}
