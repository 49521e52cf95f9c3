import type { LedgerState } from './coordination.types';

/** A flat `[field, value, field, value, ...]` reply (HGETALL) as counts. */
export function countsOf(flat: readonly unknown[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) counts[String(flat[i])] = Number(flat[i + 1]);
  return counts;
}

export function ledgerStateOf(total: unknown, flatCounts: unknown): LedgerState {
  return { total: Number(total), counts: countsOf(Array.isArray(flatCounts) ? flatCounts : []) };
}

/** Holders are stored with a prefix, so no holder name can pass for the `done` marker. */
export const LEASE_DONE = 'done';
export const leaseValue = (holder: string): string => `lease:${holder}`;
