import type { PosthogEvent, PosthogEventProperties } from '@sift/contracts';

/** Hand-built PostHog events for specs: times are ms after 2024-06-01T10:00:00Z, uuids derive from them. */
const ORIGIN = Date.parse('2024-06-01T10:00:00.000Z');
export const ORIGIN_URL = 'https://shop.example.com';

export function posthogEvent(
  ms: number,
  event: string,
  properties: PosthogEventProperties = {},
): PosthogEvent {
  return {
    uuid: `ev-${String(ms).padStart(7, '0')}-${event.replace(/\W/g, '')}`,
    event,
    timestamp: new Date(ORIGIN + ms).toISOString(),
    distinct_id: 'user-1',
    properties: { $session_id: 'session-1', $window_id: 'window-1', ...properties },
  };
}

export function pageview(ms: number, path: string): PosthogEvent {
  return posthogEvent(ms, '$pageview', { $current_url: `${ORIGIN_URL}${path}`, $pathname: path });
}

export function click(ms: number, elementsChain: string, path?: string): PosthogEvent {
  return posthogEvent(ms, '$autocapture', {
    $event_type: 'click',
    $elements_chain: elementsChain,
    ...(path ? { $current_url: `${ORIGIN_URL}${path}` } : {}),
  });
}

export function rageclick(ms: number, elementsChain: string): PosthogEvent {
  return posthogEvent(ms, '$rageclick', { $elements_chain: elementsChain });
}

export function exception(ms: number, type: string, value: string): PosthogEvent {
  return posthogEvent(ms, '$exception', {
    $exception_list: [{ type, value, mechanism: { handled: false, type: 'onerror' } }],
  });
}

export const PAY_BUTTON =
  'button.btn.btn-primary:attr__id="pay"nth-child="2"nth-of-type="1"text="Pay now";form:attr__id="checkout"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"';
export const ADD_TO_CART = 'button.add:nth-child="1"nth-of-type="1"text="Add to cart";div.product;body';
export const TOKEN_ERROR = "Cannot read properties of undefined (reading 'token')";

/** Cart → checkout, "Pay now" throws, the user gives up. */
export const blockedCheckout = [
  pageview(0, '/cart'),
  click(5_000, 'a.btn:href="/checkout"nth-child="1"text="Checkout"'),
  pageview(6_000, '/checkout'),
  click(20_000, PAY_BUTTON),
  exception(20_350, 'TypeError', TOKEN_ERROR),
  posthogEvent(30_000, '$pageleave'),
];
