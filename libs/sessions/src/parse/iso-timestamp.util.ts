// Date and time as exports write them: `T` or a space between, optional seconds, any fraction, optional offset.
const LENIENT_ISO =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(?:[.,](\d+))?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * An event timestamp as canonical ISO-8601 UTC (`2024-06-01T10:00:00.123Z`), from an ISO-like string
 * (space separator, microseconds, `+00`, no offset = UTC) or epoch milliseconds. `undefined` when the
 * value is no recognizable instant; callers then keep the original so validation can name the problem.
 */
export function toIsoTimestamp(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? isoOf(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const match = LENIENT_ISO.exec(value.trim());
  if (!match) return undefined;
  const [, date, hoursMinutes, seconds = ':00', fraction = '0', offset = 'Z'] = match;
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  const zone = offset.toUpperCase() === 'Z' ? 'Z' : normalizeOffset(offset);
  return isoOf(Date.parse(`${date}T${hoursMinutes}${seconds}.${millis}${zone}`));
}

function normalizeOffset(offset: string): string {
  const digits = offset.slice(1).replace(':', '');
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4).padEnd(2, '0')}`;
}

function isoOf(epochMs: number): string | undefined {
  const date = new Date(epochMs);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
