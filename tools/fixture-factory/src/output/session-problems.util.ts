import type { PosthogEvent } from '@sift/contracts';
import type { ProblemId } from '../problem-catalogue';

/**
 * The switched-on problems this session actually ran into, judged from its analytics events: a problem
 * the shopper never reached (e.g. never clicked "Add to cart") is not part of the session's story.
 */
export function encounteredProblems(
  switchedOn: readonly ProblemId[],
  events: readonly PosthogEvent[],
): ProblemId[] {
  return switchedOn.filter((problem) => ENCOUNTERED[problem](events));
}

const ENCOUNTERED: Readonly<Record<ProblemId, (events: readonly PosthogEvent[]) => boolean>> = {
  'dead-add-to-cart': (events) =>
    events.some((event) => clicked(event, 'add-to-cart') || exceptionText(event).includes("'sku'")),
  'vague-zip-validation': (events) =>
    events.some(
      (event) =>
        event.event === 'address_submitted' ||
        clicked(event, 'address-continue') ||
        (event.properties.$event_type === 'submit' && mentionsId(event, 'address-form')),
    ),
  'slow-shipping-step': (events) =>
    events.some((event) => event.event === 'shipping_selected' || clicked(event, 'shipping-continue')),
  'confusing-shipping-help': (events) =>
    events.some((event) => event.event === '$pageview' && pathname(event).endsWith('/help.html')),
  'noisy-analytics-error': (events) =>
    events.some((event) => exceptionText(event).includes('analyticsTracker')),
};

function clicked(event: PosthogEvent, id: string): boolean {
  const isClick =
    event.event === '$rageclick' ||
    (event.event === '$autocapture' && event.properties.$event_type === 'click');
  return isClick && mentionsId(event, id);
}

// The element chain holds the clicked element first, then its ancestors; either form of the id counts.
function mentionsId(event: PosthogEvent, id: string): boolean {
  const chain = event.properties.$elements_chain ?? '';
  return (
    chain.includes(`attr_id="${id}"`) ||
    chain.includes(`attr__id="${id}"`) ||
    (event.elements ?? []).some((element) => element.attr_id === id)
  );
}

function exceptionText(event: PosthogEvent): string {
  if (event.event !== '$exception') return '';
  const { $exception_list: list, $exception_type: type, $exception_message: message } = event.properties;
  return [...(list ?? []).map((entry) => `${entry.type}: ${entry.value}`), type ?? '', message ?? ''].join(
    '\n',
  );
}

function pathname(event: PosthogEvent): string {
  const { $pathname: path, $current_url: url } = event.properties;
  if (path !== undefined) return path;
  return url === undefined ? '' : new URL(url).pathname;
}
