/**
 * `text` cut to at most `maxBytes` of UTF-8 at a line boundary where one is near, with a note of what was
 * left out, so a long list of errors keeps its first ones and says how many more there were.
 */
export function cappedText(text: string, maxBytes: number): string {
  const total = Buffer.byteLength(text);
  if (total <= maxBytes) return text;
  const lines = text.split('\n');
  const note = (keptLines: number, keptBytes: number): string =>
    `\n… ${lines.length - keptLines} more lines (${total - keptBytes} bytes) left out`;
  const budget = maxBytes - Buffer.byteLength(note(0, 0)) - 8;
  let kept = '';
  let keptLines = 0;
  for (const line of lines) {
    const next = keptLines === 0 ? line : `${kept}\n${line}`;
    if (Buffer.byteLength(next) > budget) break;
    kept = next;
    keptLines += 1;
  }
  if (keptLines === 0) {
    // One huge line: cut it by characters (never inside a UTF-8 sequence).
    kept = Buffer.from(text)
      .subarray(0, Math.max(0, budget))
      .toString('utf8')
      .replace(/\uFFFD+$/, '');
    return `${kept}… (${total - Buffer.byteLength(kept)} bytes left out)`;
  }
  return kept + note(keptLines, Buffer.byteLength(kept));
}
