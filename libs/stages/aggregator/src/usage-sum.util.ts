import { StageUsage, Usage } from '@sift/contracts';

/** Adds usages up, totals and per stage; `costUsd` only appears where at least one part had a price. */
export function sumUsage(usages: readonly Usage[]): Usage {
  const byStage: Record<string, StageUsage> = {};
  for (const usage of usages) {
    for (const [stage, part] of Object.entries(usage.byStage)) {
      byStage[stage] = addStageUsage(byStage[stage] ?? emptyStageUsage(), part);
    }
  }
  return { ...usages.reduce(addStageUsage, emptyStageUsage()), byStage };
}

function emptyStageUsage(): StageUsage {
  return { llmCalls: 0, inputTokens: 0, outputTokens: 0, clipsRendered: 0 };
}

function addStageUsage(total: StageUsage, part: StageUsage): StageUsage {
  const sum: StageUsage = {
    llmCalls: total.llmCalls + part.llmCalls,
    inputTokens: total.inputTokens + part.inputTokens,
    outputTokens: total.outputTokens + part.outputTokens,
    clipsRendered: total.clipsRendered + part.clipsRendered,
  };
  if (total.costUsd === undefined && part.costUsd === undefined) return sum;
  return { ...sum, costUsd: (total.costUsd ?? 0) + (part.costUsd ?? 0) };
}
