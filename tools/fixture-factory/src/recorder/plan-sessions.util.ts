import { PROBLEM_IDS, type ProblemId } from '../problem-catalogue';
import { allocateQuotas } from './allocate-quotas.util';
import { JOURNEY_MIX, type JourneyKind } from './journey-mix.constants';
import { PERSONAS, type Persona, type PersonaName } from './personas.constants';
import { createRandom, type Random } from './random.util';
import type { SessionPlan } from './session-plan.types';

/** Batches of at least this many sessions show every problem at least {@link MIN_SESSIONS_PER_PROBLEM} times. */
export const FULL_COVERAGE_MIN_SESSIONS = 20;
export const MIN_SESSIONS_PER_PROBLEM = 2;

const FIRST_SESSION_START = Date.UTC(2026, 2, 2, 9, 0, 0);
const SESSION_SPACING_MS = 7 * 60_000;

const GIVE_UP_CHANCE: Readonly<Record<PersonaName, number>> = {
  'impatient-shopper': 0.75,
  browser: 0.45,
  'returning-customer': 0.2,
  'careful-shopper': 0.1,
};

/** Plans `count` sessions for `seed`: the same seed and count always give the same plan. */
export function planSessions(seed: number, count: number): SessionPlan[] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`session count must be ≥ 1, got ${count}`);
  const random = createRandom(`sift-plan:${seed}`);
  const kinds = random.shuffle(journeyKinds(count));
  const plans = kinds.map((journey, index) => planSession(seed, index, journey, random));
  return ensureBothBranches(plans);
}

function journeyKinds(count: number): JourneyKind[] {
  const counts = allocateQuotas(
    JOURNEY_MIX.map((kind) => kind.weight),
    count,
  );
  if (count >= FULL_COVERAGE_MIN_SESSIONS) topUpRareProblems(counts);
  return JOURNEY_MIX.flatMap((kind, index) => Array.from({ length: counts[index] }, () => kind));
}

// The weights already cover every problem twice from 20 sessions on; this keeps it so if they change.
function topUpRareProblems(counts: number[]): void {
  const happy = JOURNEY_MIX.findIndex((kind) => kind.problems.length === 0);
  for (const problem of PROBLEM_IDS) {
    const solo = JOURNEY_MIX.findIndex((kind) => kind.problems.length === 1 && kind.problems[0] === problem);
    while (problemCount(counts, problem) < MIN_SESSIONS_PER_PROBLEM && counts[happy] > 0 && solo >= 0) {
      counts[happy] -= 1;
      counts[solo] += 1;
    }
  }
}

function problemCount(counts: readonly number[], problem: ProblemId): number {
  return JOURNEY_MIX.reduce(
    (sum, kind, index) => sum + (kind.problems.includes(problem) ? counts[index] : 0),
    0,
  );
}

function planSession(seed: number, index: number, journey: JourneyKind, random: Random): SessionPlan {
  const persona = pickPersona(random);
  const number = String(index).padStart(3, '0');
  return {
    index,
    sessionId: `s-${seed}-${number}`,
    distinctId: `u-${seed}-${hex(random, 8)}`,
    windowId: `w-${seed}-${number}-${hex(random, 4)}`,
    persona,
    journey,
    givesUp: givesUp(journey, persona, random),
    journeySeed: `sift-journey:${seed}:${index}`,
    startTime: FIRST_SESSION_START + index * SESSION_SPACING_MS + random.int(0, 90) * 1000,
  };
}

function pickPersona(random: Random): Persona {
  const personas = Object.values(PERSONAS);
  let roll = random.next() * personas.reduce((sum, persona) => sum + persona.weight, 0);
  for (const persona of personas) {
    roll -= persona.weight;
    if (roll < 0) return persona;
  }
  return personas[personas.length - 1];
}

function givesUp(journey: JourneyKind, persona: Persona, random: Random): boolean {
  const chance = GIVE_UP_CHANCE[persona.name];
  if (journey.script === 'happy-path') return false;
  if (journey.script === 'dead-add-to-cart') return true; // nothing can be bought: everyone leaves
  return random.chance(chance);
}

// A problem whose sessions all end the same way teaches little: flip one so both endings occur.
function ensureBothBranches(plans: SessionPlan[]): SessionPlan[] {
  const scripts = new Set(plans.map((plan) => plan.journey.script));
  const result = [...plans];
  for (const script of scripts) {
    if (script === 'happy-path' || script === 'dead-add-to-cart') continue;
    const own = result.filter((plan) => plan.journey.script === script);
    if (own.length < 2 || own.some((plan) => plan.givesUp !== own[0].givesUp)) continue;
    const last = own[own.length - 1];
    result[last.index] = { ...last, givesUp: !last.givesUp };
  }
  return result;
}

function hex(random: Random, length: number): string {
  return Array.from({ length }, () => random.int(0, 15).toString(16)).join('');
}
