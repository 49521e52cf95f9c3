import { PiiDetector } from './pii-detector.types';
import { PiiKind } from './pii-kind.types';
import { piiPlaceholder, replaceOutsideProtected } from './pii-placeholder.util';

/** `text` with every accepted match replaced, and how many of each kind were replaced. */
export interface PiiScan {
  readonly text: string;
  readonly found: ReadonlyMap<PiiKind, number>;
}

/**
 * Runs the detectors one after the other, each over the text its predecessors left, so an earlier one
 * claims a value first (a card number is never also a phone number). Placeholders and rrweb's `*` runs
 * are never searched, which makes a second pass find nothing.
 */
export function scanForPii(
  text: string,
  detectors: readonly PiiDetector[],
  isAllowed: (value: string) => boolean,
): PiiScan {
  const found = new Map<PiiKind, number>();
  let masked = text;
  for (const detector of detectors) {
    masked = replaceOutsideProtected(masked, (free) =>
      free.replace(detector.pattern, (match: string, ...rest: unknown[]) => {
        const lead = leadOf(match, rest[rest.length - 1]);
        const value = match.slice(lead.length);
        if (value === '' || isAllowed(value) || (detector.accepts && !detector.accepts(value, lead))) {
          return match;
        }
        found.set(detector.kind, (found.get(detector.kind) ?? 0) + 1);
        return lead + piiPlaceholder(detector.kind);
      }),
    );
  }
  return { text: masked, found };
}

/** The named group `lead` when the pattern has one and it opens the match. */
function leadOf(match: string, groups: unknown): string {
  if (typeof groups !== 'object' || groups === null) return '';
  const lead = (groups as Record<string, string | undefined>)['lead'];
  return lead !== undefined && match.startsWith(lead) ? lead : '';
}
