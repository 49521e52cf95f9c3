import seedrandom from 'seedrandom';

/** What the plan needs to know about each source session. */
export interface PlanSource {
  readonly startMs: number;
  readonly hasRecording: boolean;
}

/** Options of {@link planSessions}. */
export interface ScalePlanOptions {
  readonly sessions: number;
  readonly seed: number;
  /** Fraction (0..1) of generated sessions that keep their source's recording. */
  readonly recordings: number;
  /** Generated sessions start at `startMs` plus a random delay of up to this much. */
  readonly spreadMs: number;
  /** Default: the earliest source session start. */
  readonly startMs?: number;
}

/** One generated session: which source it copies, how far it is moved in time, whether it keeps a recording. */
export interface PlannedSession {
  readonly index: number;
  readonly sourceIndex: number;
  /** Added to every event and recording timestamp of the source. */
  readonly offsetMs: number;
  readonly keepRecording: boolean;
}

/**
 * Decides, for a seed, what each generated session copies. Every source is used equally often (±1)
 * in a shuffled order, so personas and journeys keep their source proportions; start times are spread
 * uniformly over the window; exactly `round(sessions × recordings)` sessions keep a recording (fewer
 * only when too few sources have one).
 */
export function planSessions(sources: readonly PlanSource[], options: ScalePlanOptions): PlannedSession[] {
  if (sources.length === 0) throw new Error('cannot scale out a batch without sessions');
  const random = seedrandom.alea(`sift-scale-plan:${options.seed}`);
  const windowStart = options.startMs ?? Math.min(...sources.map((source) => source.startMs));
  const sourceOf = shuffle(
    Array.from({ length: options.sessions }, (_, index) => index % sources.length),
    random,
  );
  const offsets = sourceOf.map(
    (sourceIndex) =>
      windowStart + Math.floor(random() * options.spreadMs) - (sources[sourceIndex] as PlanSource).startMs,
  );
  const eligible = shuffle(
    sourceOf.flatMap((sourceIndex, index) =>
      (sources[sourceIndex] as PlanSource).hasRecording ? [index] : [],
    ),
    random,
  );
  const kept = new Set(eligible.slice(0, Math.round(options.sessions * options.recordings)));
  return sourceOf.map((sourceIndex, index) => ({
    index,
    sourceIndex,
    offsetMs: offsets[index] as number,
    keepRecording: kept.has(index),
  }));
}

/** Fisher-Yates, in place, with the given generator. */
function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
