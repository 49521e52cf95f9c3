import { frameDataBlock, renderDataBlock, TextMasker } from '@sift/prompting';
import { BatchInput, normalizeBatchSession, payloadSourcePolicy } from '@sift/sessions';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** One session of `prompts/index.json`. */
export type DryRunEntry =
  | {
      readonly sessionId: string;
      readonly status: 'rendered';
      readonly eventsIn: number;
      readonly eventsKept: number;
      readonly lines: number;
      readonly tokens: number;
      readonly summaryPromptTokens: number;
      readonly masked: Readonly<Record<string, number>>;
    }
  | { readonly sessionId: string; readonly status: 'skipped'; readonly reason: string };

export interface DryRunResult {
  readonly dir: string;
  readonly entries: readonly DryRunEntry[];
}

/**
 * `sift analyze --dry-run`: what would be sent to a model, and nothing is. Per session
 * `prompts/<id>.data.txt` (the data block with its tables) and `prompts/<id>.summary.txt` (the block as
 * the summary prompt frames it), and `prompts/index.json` (events in, kept, tokens, what was masked).
 */
export async function writeDryRun(
  input: BatchInput,
  out: string,
  newMasker: () => TextMasker & { counts(): Readonly<Partial<Record<string, number>>> },
  countTokens: (text: string) => number,
): Promise<DryRunResult> {
  const dir = join(out, 'prompts');
  await mkdir(dir, { recursive: true });
  const root = input.origin.kind === 'folder' ? input.origin.path : dirname(input.origin.path);
  const policy = payloadSourcePolicy({ fileRoot: root });
  const entries: DryRunEntry[] = [];
  for (const session of input.sessions) {
    const { sessionId } = session;
    const normalized = await normalizeBatchSession(session, policy);
    if (!normalized.ok) {
      entries.push({ sessionId, status: 'skipped', reason: normalized.reason });
      continue;
    }
    const block = renderDataBlock(normalized.session, newMasker());
    const prompt = frameDataBlock(block, input.batch);
    await writeFile(join(dir, `${sessionId}.data.txt`), `${block.text}\n`);
    await writeFile(join(dir, `${sessionId}.summary.txt`), `${prompt}\n`);
    entries.push({
      sessionId,
      status: 'rendered',
      eventsIn: block.eventsIn,
      eventsKept: block.eventsKept,
      lines: block.lines.length,
      tokens: block.tokens,
      summaryPromptTokens: countTokens(prompt),
      masked: block.masked,
    });
  }
  const rendered = entries.flatMap((entry) => (entry.status === 'rendered' ? [entry] : []));
  const totals = {
    sessions: entries.length,
    rendered: rendered.length,
    skipped: entries.length - rendered.length,
    tokens: rendered.reduce((sum, entry) => sum + entry.tokens, 0),
    summaryPromptTokens: rendered.reduce((sum, entry) => sum + entry.summaryPromptTokens, 0),
  };
  await writeFile(
    join(dir, 'index.json'),
    `${JSON.stringify({ encoding: 'o200k_base', totals, sessions: entries }, null, 2)}\n`,
  );
  return { dir, entries };
}
