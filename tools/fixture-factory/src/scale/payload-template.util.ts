/** One hole in a {@link PayloadTemplate}, filled per generated session. */
export type TemplateSlot =
  /** An rrweb `timestamp` (epoch ms), shifted by the session offset. */
  | { readonly kind: 'epoch-ms'; readonly sourceMs: number }
  /** An ISO-8601 timestamp string, shifted by the session offset and written as canonical UTC. */
  | { readonly kind: 'iso-time'; readonly sourceMs: number }
  /** A session, window, distinct or event id, replaced by the generated session's own. */
  | { readonly kind: 'identity'; readonly identity: number };

/**
 * A source payload serialized once, with every id and timestamp cut out as a slot: rendering a new
 * session is then string concatenation, not a deep copy and a `JSON.stringify` of megabytes.
 */
export interface PayloadTemplate {
  /** JSON text between the slots; always `slots.length + 1` entries. */
  readonly literals: readonly string[];
  readonly slots: readonly TemplateSlot[];
}

/** What one generated session puts into the slots. */
export interface SlotValues {
  readonly offsetMs: number;
  /** Replacement per identity index (see `SourceIdentities`). */
  readonly identities: readonly string[];
}

const MARK = '\u241f';
const MARKED_SLOT = new RegExp(`"${MARK}(\\d+)${MARK}"`);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;
/** Epoch ms after 1973: a number under a `timestamp` key this large is a point in time, not a duration. */
const MIN_EPOCH_MS = 1e11;

/**
 * Builds a template of `payload` (parsed JSON). Strings equal to a key of `identities` become identity
 * slots; ISO-8601 strings and `timestamp` numbers that are epoch ms become time slots. `lines` serializes
 * an array as JSONL (one entry per line) instead of one JSON document.
 */
export function buildTemplate(
  payload: unknown,
  identities: ReadonlyMap<string, number>,
  format: 'json' | 'lines',
): PayloadTemplate {
  const slots: TemplateSlot[] = [];
  const slot = (value: TemplateSlot): string => `${MARK}${slots.push(value) - 1}${MARK}`;
  const mark = (value: unknown, key: string | undefined): unknown => {
    if (typeof value === 'string') {
      if (value.includes(MARK)) throw new Error(`payload contains the template marker U+241F`);
      const identity = identities.get(value);
      if (identity !== undefined) return slot({ kind: 'identity', identity });
      if (ISO_TIME.test(value)) {
        const sourceMs = Date.parse(value);
        if (Number.isFinite(sourceMs)) return slot({ kind: 'iso-time', sourceMs });
      }
      return value;
    }
    if (typeof value === 'number') {
      return key === 'timestamp' && value > MIN_EPOCH_MS
        ? slot({ kind: 'epoch-ms', sourceMs: value })
        : value;
    }
    if (Array.isArray(value)) return value.map((item) => mark(item, undefined));
    if (typeof value === 'object' && value !== null) {
      const copy: Record<string, unknown> = {};
      for (const [name, item] of Object.entries(value)) copy[name] = mark(item, name);
      return copy;
    }
    return value;
  };
  const marked = mark(payload, undefined);
  const text =
    format === 'lines' && Array.isArray(marked)
      ? marked.map((line) => JSON.stringify(line)).join('\n') + '\n'
      : JSON.stringify(marked);
  return splitMarked(text, slots);
}

function splitMarked(text: string, ordered: readonly TemplateSlot[]): PayloadTemplate {
  const parts = text.split(MARKED_SLOT);
  const literals: string[] = [];
  const slots: TemplateSlot[] = [];
  parts.forEach((part, index) => {
    if (index % 2 === 0) literals.push(part);
    else slots.push(ordered[Number(part)] as TemplateSlot);
  });
  return { literals, slots };
}

/** Renders a template for one generated session. */
export function renderTemplate(template: PayloadTemplate, values: SlotValues): string {
  const { literals, slots } = template;
  const quoted = values.identities.map((identity) => JSON.stringify(identity));
  let out = literals[0] ?? '';
  for (let index = 0; index < slots.length; index++) {
    out += slotText(slots[index] as TemplateSlot, values.offsetMs, quoted) + literals[index + 1];
  }
  return out;
}

function slotText(slot: TemplateSlot, offsetMs: number, quoted: readonly string[]): string {
  switch (slot.kind) {
    case 'epoch-ms':
      return String(slot.sourceMs + offsetMs);
    case 'iso-time':
      return `"${new Date(slot.sourceMs + offsetMs).toISOString()}"`;
    case 'identity':
      return quoted[slot.identity] ?? 'null';
  }
}
