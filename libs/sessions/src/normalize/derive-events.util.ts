import {
  RRWEB_EVENT_TYPE,
  type PosthogEvent,
  type PosthogEventProperties,
  type RrwebEvent,
} from '@sift/contracts';
import { deterministicUuid } from '../hash/canonical-hash.util';
import { isRecord } from '../parse/validate-items.util';
import { consoleException } from './console-exception.util';
import { applyToDomNodes, type DomNodes } from './dom-nodes.util';
import { elementChainOf } from './element-chain.util';
import { RageClickDetector } from './rage-click.util';

/** rrweb IncrementalSource and MouseInteraction values used here. */
const MOUSE_INTERACTION = 2;
const CLICK = 2;
const INPUT = 5;
/** Marks events Sift derived, in PostHog's `$lib` property (the library that sent an event). */
export const DERIVED_EVENTS_LIB = 'sift-recording';
// rrweb re-emits Meta on every re-snapshot, and PostHog's $pageview tag often follows it: same page, not a navigation.
const SAME_PAGEVIEW_WINDOW_MS = 1000;

/**
 * Derives PostHog-style events from an rrweb recording (sorted by timestamp), for sessions recorded
 * without analytics: Meta and PostHog `$pageview` custom events become `$pageview`; clicks become
 * `$autocapture` clicks (plus `$rageclick` by PostHog's rule) with the element chain resolved from the
 * recorded DOM; a run of inputs into one field becomes one `$autocapture` change; console-plugin errors
 * become `$exception`. Uuids are derived from session id, time and position, so re-runs agree.
 * `distinct_id` is the session id: a recording names no person.
 */
export function deriveEventsFromRecording(
  sessionId: string,
  recording: readonly RrwebEvent[],
): PosthogEvent[] {
  const nodes: DomNodes = new Map();
  const rageClicks = new RageClickDetector();
  const derived: PosthogEvent[] = [];
  const page: { url?: string; pathname?: string; viewedAt?: number } = {};
  let pendingInput: { id: number; source: RrwebEvent } | undefined;

  const emit = (
    source: RrwebEvent,
    event: string,
    properties: PosthogEventProperties,
    nodeId?: number,
  ): void => {
    const chain = nodeId === undefined ? undefined : elementChainOf(nodes, nodeId);
    derived.push({
      uuid: deterministicUuid(`${sessionId}:${source.timestamp}:${derived.length}:${event}`),
      event,
      timestamp: new Date(source.timestamp).toISOString(),
      distinct_id: sessionId,
      properties: {
        $session_id: sessionId,
        ...(typeof source['windowId'] === 'string' && { $window_id: source['windowId'] }),
        ...(page.url !== undefined && { $current_url: page.url }),
        ...(page.pathname !== undefined && { $pathname: page.pathname }),
        $lib: DERIVED_EVENTS_LIB,
        ...(nodeId !== undefined && { $elements_chain: chain?.chain ?? '', $rrweb_node_id: nodeId }),
        ...properties,
      },
      ...(chain && { elements: chain.elements }),
    });
  };
  const flushInput = (): void => {
    if (pendingInput) emit(pendingInput.source, '$autocapture', { $event_type: 'change' }, pendingInput.id);
    pendingInput = undefined;
  };
  const pageview = (source: RrwebEvent, href: string, extra: PosthogEventProperties): void => {
    flushInput();
    page.url = href;
    page.pathname = pathnameOf(href);
    page.viewedAt = source.timestamp;
    emit(source, '$pageview', extra);
  };

  for (const event of recording) {
    applyToDomNodes(nodes, event.type, event.data);
    const data = isRecord(event.data) ? event.data : {};
    if (event.type === RRWEB_EVENT_TYPE.Meta && typeof data['href'] === 'string') {
      if (data['href'] !== page.url) pageview(event, data['href'], viewportOf(data));
    } else if (event.type === RRWEB_EVENT_TYPE.Custom && data['tag'] === '$pageview') {
      const href = isRecord(data['payload']) ? data['payload']['href'] : undefined;
      const repeated =
        href === page.url && event.timestamp - (page.viewedAt ?? -Infinity) < SAME_PAGEVIEW_WINDOW_MS;
      if (typeof href === 'string' && !repeated) pageview(event, href, {});
    } else if (event.type === RRWEB_EVENT_TYPE.IncrementalSnapshot) {
      const id = typeof data['id'] === 'number' ? data['id'] : undefined;
      if (id === undefined) continue;
      if (data['source'] === MOUSE_INTERACTION && data['type'] === CLICK) {
        flushInput();
        emit(event, '$autocapture', { $event_type: 'click' }, id);
        const [x, y] = [Number(data['x'] ?? 0), Number(data['y'] ?? 0)];
        if (rageClicks.isRageClick(x, y, event.timestamp)) emit(event, '$rageclick', {}, id);
      } else if (data['source'] === INPUT && data['userTriggered'] !== false) {
        if (pendingInput && pendingInput.id !== id) flushInput();
        pendingInput = { id, source: event };
      }
    } else if (event.type === RRWEB_EVENT_TYPE.Plugin) {
      const exception = consoleException(data);
      if (exception) {
        flushInput();
        emit(event, '$exception', { $exception_list: [exception] });
      }
    }
  }
  flushInput();
  return derived;
}

function pathnameOf(href: string): string | undefined {
  return URL.canParse(href) ? new URL(href).pathname : undefined;
}

function viewportOf(data: Record<string, unknown>): PosthogEventProperties {
  const { width, height } = data;
  return typeof width === 'number' && typeof height === 'number'
    ? { $viewport_width: width, $viewport_height: height }
    : {};
}
