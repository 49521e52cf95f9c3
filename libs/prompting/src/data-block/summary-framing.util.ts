import type { DataBlock } from './data-block.types';

/** What a model is told about reading a data block (the summary prompt of the summarizer wraps it). */
export const DATA_BLOCK_LEGEND = [
  'How to read the session below:',
  '- The header gives the session length, page views, device and what was left out of the event list.',
  '- "pages", "elements" and "errors" define aliases (u1, e1, x1) used by the event lines.',
  '- Each event line is: #id seconds-since-start kind page [window] [element] [xN/span] [!error].',
  '  xN/span means the same action N times within span seconds; cite events by their #id.',
  '- Values like ‹email› were masked before you saw them.',
].join('\n');

/**
 * The data block framed as the summary prompt will frame it, for `--dry-run` until the summarizer's
 * prompt templates exist: legend, optional product and question, then the block.
 */
export function frameDataBlock(
  block: DataBlock,
  context: { product?: string; question?: string } = {},
): string {
  const about = [
    context.product ? `Product: ${context.product}` : undefined,
    context.question ? `Question: ${context.question}` : undefined,
  ].filter((line): line is string => line !== undefined);
  return [
    'Summarize this recorded user session: what the user set out to do, what happened, and what got in the way.',
    ...about,
    '',
    DATA_BLOCK_LEGEND,
    '',
    '<session>',
    block.text,
    '</session>',
  ].join('\n');
}
