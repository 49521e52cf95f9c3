/** One element of a parsed PostHog element chain. */
export interface ChainElement {
  tagName?: string;
  classes: string[];
  text?: string;
  href?: string;
  /** The element's DOM `id` (`attr__id` / `attr_id` in the chain). */
  id?: string;
  nthChild?: number;
  nthOfType?: number;
  /** Every other attribute, keyed as in the chain (`attr__aria-label`, `attr__data-testid`, ...). */
  attributes: Record<string, string>;
}

/**
 * Parses PostHog's serialized element chain, e.g.
 * `button.btn.btn-primary:attr__id="pay"nth-child="2"text="Pay \"now\"";form#checkout;body`.
 * The first element is the one the user interacted with, then its ancestors. Quotes inside values are
 * escaped as `\"`; `;` and `:` inside quoted values do not split. Never throws: unreadable parts are
 * skipped.
 */
export function parseElementsChain(chain: string): ChainElement[] {
  return splitOutsideQuotes(chain, ';')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map(parseElement);
}

function parseElement(source: string): ChainElement {
  // Classes may contain ":" (Tailwind's `hover:bg-blue`), so attributes start at a ":" followed by `key=`.
  const match = /^(.*?)(?::(?=[A-Za-z0-9_-]*=)(.*)|:?$)/s.exec(source);
  const head = match?.[1] ?? source;
  const [tagAndId = '', ...classes] = head.split('.');
  // PostHog never writes `tag#id`, but hand-written chains do.
  const [tag, id] = tagAndId.split('#');
  const element: ChainElement = { classes: classes.filter((c) => c.length > 0), attributes: {} };
  if (tag) element.tagName = tag;
  if (id) element.id = id;
  for (const [key, value] of parseAttributes(match?.[2] ?? '')) applyAttribute(element, key, value);
  return element;
}

function applyAttribute(element: ChainElement, key: string, value: string): void {
  switch (key) {
    case 'text':
      element.text = value;
      return;
    case 'href':
      element.href = value;
      return;
    case 'attr_id':
    case 'attr__id':
      element.id = value;
      return;
    case 'nth-child':
      element.nthChild = toInt(value);
      return;
    case 'nth-of-type':
      element.nthOfType = toInt(value);
      return;
    default:
      element.attributes[key] = value;
  }
}

/** Reads `key="value"key2="value2"` pairs; `\"` inside a value is an escaped quote (PostHog escapes nothing else). */
function parseAttributes(source: string): [string, string][] {
  const pairs: [string, string][] = [];
  let i = 0;
  while (i < source.length) {
    const eq = source.indexOf('="', i);
    if (eq === -1) break;
    const key = source.slice(i, eq);
    let value = '';
    let j = eq + 2;
    for (; j < source.length && source[j] !== '"'; j++) {
      if (source[j] === '\\' && source[j + 1] === '"') j++;
      value += source[j];
    }
    pairs.push([key, value]);
    i = j + 1;
  }
  return pairs;
}

function splitOutsideQuotes(source: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted && char === '\\' && i + 1 < source.length) {
      current += char + source[++i];
      continue;
    }
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}

function toInt(value: string): number | undefined {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}
