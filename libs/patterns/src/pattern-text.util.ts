import { FLAGS, type Flag } from '@sift/contracts';
import type { FlaggedActionGroup } from './flagged-action-group.util';

/** Words for signals other than exceptions (the offline analyzer's and the flags themselves). */
const SIGNAL_WORDS: Readonly<Record<string, string>> = {
  'rage-click': 'Rage clicks',
  'dead-click': 'Dead clicks',
  confusion: 'Confusion',
  abandonment: 'Abandonment',
};
const EXCEPTION_SIGNALS = new Set(['exception', 'blocking-exception', 'non-blocking-exception']);
const FLAG_WORDS: Readonly<Record<Flag, string>> = {
  'blocking-exception': 'blocking exception',
  'non-blocking-exception': 'non-blocking exception',
  confusion: 'confusion',
  abandonment: 'abandonment',
};
const MAX_EXCEPTION_INDICATORS = 3;

/** E.g. `TypeError on /checkout after clicking button "Pay now"`, `Rage clicks on button "Add to cart" on /products/:id`. */
export function patternName(group: FlaggedActionGroup): string {
  const page = group.page || 'an unknown page';
  if (EXCEPTION_SIGNALS.has(group.signal)) {
    const types = new Set(group.occurrences.map((o) => exceptionType(o.action.description)));
    const [only] = types;
    const what = types.size === 1 && only ? only : 'Errors';
    return `${what} on ${page}${group.target ? ` after clicking ${group.target}` : ''}`;
  }
  const what = SIGNAL_WORDS[group.signal] ?? capitalize(group.signal.replace(/[-_]+/g, ' '));
  return `${what}${group.target ? ` on ${group.target}` : ''} on ${page}`;
}

/** One or two sentences with the counts and the flags seen. */
export function patternDescription(
  group: FlaggedActionGroup,
  sessionsAffected: number,
  summarizedSessions: number,
): string {
  const occurrences = group.occurrences.length;
  const share = Math.round((sessionsAffected / summarizedSessions) * 100);
  const seen = group.occurrences.flatMap((o) => o.flags);
  const flags = FLAGS.map((flag) => [flag, seen.filter((f) => f === flag).length] as const)
    .filter(([, n]) => n > 0)
    .map(([flag, n]) => `${FLAG_WORDS[flag]} ×${n}`)
    .join(', ');
  return (
    `Seen in ${sessionsAffected} of ${summarizedSessions} sessions (${share === 0 ? '<1' : share}%), ` +
    `${occurrences} occurrence${occurrences === 1 ? '' : 's'} in total. Flagged as ${flags}.`
  );
}

/** Observable signals that identify the pattern. */
export function patternIndicators(group: FlaggedActionGroup): string[] {
  const indicators: string[] = [];
  if (EXCEPTION_SIGNALS.has(group.signal)) {
    const headlines = mostFrequentFirst(
      group.occurrences.map((o) => exceptionHeadline(o.action.description)),
    );
    indicators.push(...headlines.slice(0, MAX_EXCEPTION_INDICATORS).map((h) => `$exception ${h}`));
    if (group.target) indicators.push(`within 2 s after clicking ${group.target}`);
  } else if (group.signal === 'rage-click') {
    indicators.push(`3+ clicks within 1 s on ${group.target || 'one element'}`);
  } else {
    indicators.push(`${group.signal}${group.target ? ` on ${group.target}` : ''}`);
  }
  if (group.page) indicators.push(`on ${group.page}`);
  return indicators;
}

/** `TypeError: x after clicking button "Pay"` → `TypeError: x` (the offline analyzer's wording). */
function exceptionHeadline(description: string): string {
  return description.replace(/ after (?:clicking .*|a click)$/s, '') || description;
}

function exceptionType(description: string): string | undefined {
  return /^([A-Za-z_$][\w$.]*):\s/.exec(description)?.[1];
}

/** Distinct values, most frequent first, ties alphabetical: independent of the input order. */
function mostFrequentFirst(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).map(([value]) => value);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
