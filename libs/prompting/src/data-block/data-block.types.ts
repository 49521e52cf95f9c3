/** One line of the events section: one event, or a run of like events collapsed into one. */
export interface BlockLine {
  /** `#<n>`: short, stable for the same session, what a model cites. */
  readonly id: string;
  /** Seconds since the session started, one decimal. */
  readonly seconds: number;
  /** `pageview`, `click`, `change`, `submit`, `rageclick`, `exception`, `pageleave`, or a custom event's name. */
  readonly kind: string;
  /** Alias of the page (`u1`), or `-` when the event named none. */
  readonly page: string;
  /** Alias of the window (`w2`), only when the session had more than one. */
  readonly window?: string;
  /** Alias of the element (`e3`). */
  readonly element?: string;
  /** How many events the line stands for, and the seconds from the first to the last (runs only). */
  readonly run?: { readonly count: number; readonly spanSeconds: number };
  /** Alias of an exception's `Type: message` (`x1`). */
  readonly error?: string;
}

/** Why events did not get a line of their own. */
export interface BlockOmissions {
  /** Context-free events, by name (`$feature_flag_called`, a `$pageleave` right before the next page, ...). */
  readonly contextFree: Readonly<Record<string, number>>;
  /** Custom events repeating at a steady beat with nothing to act on, by name. */
  readonly heartbeats: Readonly<Record<string, number>>;
  /** System events in the start-up and wind-down windows. */
  readonly cutAtStart: number;
  readonly cutAtEnd: number;
  /** The length of each cut window, seconds. */
  readonly cutSeconds: number;
  /** Events folded into the line of the run they belong to. */
  readonly collapsed: number;
}

/** The session data block: what a model reads of one session, and what stays behind with Sift. */
export interface DataBlock {
  readonly text: string;
  /** `#<n>` → the uuids of the events the line stands for (first one first). Never sent. */
  readonly eventIds: ReadonlyMap<string, readonly string[]>;
  readonly lines: readonly BlockLine[];
  readonly eventsIn: number;
  /** Events with a line of their own or folded into a run. */
  readonly eventsKept: number;
  readonly omissions: BlockOmissions;
  /** o200k_base tokens of `text`. */
  readonly tokens: number;
  /** PII kinds masked while rendering, and how often. */
  readonly masked: Readonly<Record<string, number>>;
}
