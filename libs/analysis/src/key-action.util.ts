import type { KeyActionEvent } from '@sift/contracts';
import type { Detection } from './analysis.types';
import type { SessionTimeline } from './session-timeline.util';

/** A detection together with the key action it became. */
export interface FlaggedMoment {
  detection: Detection;
  action: KeyActionEvent;
}

/** Turns a detection into a key action, filled from its source event. */
export function toKeyAction(
  timeline: SessionTimeline,
  detection: Detection,
  abandonment: boolean,
): KeyActionEvent {
  const { index } = detection;
  const event = timeline.events[index];
  const time = timeline.times[index] ?? 0;
  if (!event) throw new RangeError(`detection points at event ${index}, outside the session`);
  const windowId = event.properties.$window_id;
  const currentUrl = timeline.urls[index];
  const eventType = event.properties.$event_type;
  return {
    eventId: event.uuid,
    timestamp: new Date(time).toISOString(),
    description: detection.description,
    exception: detection.exception,
    confusion: detection.confusion,
    abandonment,
    msSinceStart: time - (timeline.times[0] ?? time),
    ...(windowId ? { windowId } : {}),
    ...(currentUrl ? { currentUrl } : {}),
    signal: detection.signal,
    ...(detection.target ? { target: detection.target } : {}),
    event: event.event,
    ...(eventType ? { eventType } : {}),
  };
}
