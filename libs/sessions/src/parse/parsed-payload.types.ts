/** What a shape parser made of one payload. */
export interface ParsedPayload<T> {
  /** The valid entries, in payload order. */
  items: T[];
  /** Entries that were not valid and were left out. */
  dropped: number;
  /** Why the first entry was dropped, or why the payload as a whole could not be read. */
  firstProblem?: string;
  /** True when the payload's shape was not recognized at all (then `items` is empty). */
  unrecognized: boolean;
}
