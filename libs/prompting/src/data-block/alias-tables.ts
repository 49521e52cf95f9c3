/** What the renderer needs of the PII masker. */
export interface TextMasker {
  mask(text: string): string;
  maskUrl(url: string): string;
  counts(): Readonly<Partial<Record<string, number>>>;
}

/**
 * The mapping tables of a data block: each page (URL), element and error is written out once and cited
 * by a short alias (`u1`, `e1`, `x1`) on every line; windows only get aliases (`w1`). Values are masked
 * before they are stored.
 */
export class AliasTables {
  private readonly pages = new Map<string, string>();
  private readonly windows = new Map<string, string>();
  private readonly elements = new Map<string, string>();
  private readonly errors = new Map<string, string>();

  constructor(
    readonly masker: TextMasker,
    /** Cut from page URLs when every page shares it, e.g. `https://shop.example`. */
    private readonly origin: string | undefined,
    /** Only a session with several windows names them on its lines. */
    private readonly multiWindow: boolean,
  ) {}

  page(url: string): string {
    const shown = this.masker.maskUrl(
      this.origin && url.startsWith(this.origin) ? url.slice(this.origin.length) || '/' : url,
    );
    return aliasOf(this.pages, shown, 'u');
  }

  window(windowId: string): string | undefined {
    return this.multiWindow ? aliasOf(this.windows, windowId, 'w') : undefined;
  }

  element(name: string): string {
    return aliasOf(this.elements, this.masker.mask(name), 'e');
  }

  /** An exception's `Type: message`, already masked and shortened (the same error recurs on many pages). */
  error(headline: string): string {
    return aliasOf(this.errors, headline, 'x');
  }

  /** `alias value` pairs of a table, in the order the aliases were given. */
  entries(table: 'pages' | 'windows' | 'elements' | 'errors'): Array<[alias: string, value: string]> {
    return [...this[table]].map(([value, alias]) => [alias, value]);
  }
}

function aliasOf(table: Map<string, string>, value: string, prefix: string): string {
  const known = table.get(value);
  if (known) return known;
  const alias = `${prefix}${table.size + 1}`;
  table.set(value, alias);
  return alias;
}
