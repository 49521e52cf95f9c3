import type {
  LeaseClaim,
  LedgerClose,
  LedgerKeys,
  LedgerRecord,
  LedgerState,
  MissingOutcome,
} from './coordination.types';
import { LEASE_DONE, leaseValue } from './ledger-parse.util';
import type { MemoryEntries } from './memory-entries';

// The memory store's ledgers and leases: the same rules as the Redis scripts, atomic because nothing
// here awaits.

export function ledgerStateIn(entries: MemoryEntries, ledger: LedgerKeys): LedgerState {
  const counts = Object.fromEntries(
    [...(entries.read(ledger.counts, 'hash')?.fields ?? [])].map(([status, n]) => [status, Number(n)]),
  );
  return { total: entries.read(ledger.entries, 'hash')?.fields.size ?? 0, counts };
}

function isClosed(entries: MemoryEntries, ledger: LedgerKeys): boolean {
  return entries.read(ledger.gate, 'string')?.value.toString() === 'closed';
}

function addOutcome(
  entries: MemoryEntries,
  ledger: LedgerKeys,
  member: string,
  status: string,
  value: string,
): boolean {
  const outcomes = entries.readOrCreate(ledger.entries, 'hash');
  if (outcomes.fields.has(member)) return false;
  outcomes.fields.set(member, value);
  const counts = entries.readOrCreate(ledger.counts, 'hash');
  counts.fields.set(status, String(Number(counts.fields.get(status) ?? 0) + 1));
  return true;
}

function expire(
  entries: MemoryEntries,
  ledger: LedgerKeys,
  ttlMs: number | undefined,
  withGate: boolean,
): void {
  if (ttlMs === undefined) return;
  const expiresAt = entries.expiresAt(ttlMs);
  for (const key of [ledger.entries, ledger.counts]) {
    const entry = entries.read(key, 'hash');
    if (entry) entry.expiresAt = expiresAt;
  }
  const gate = withGate ? entries.read(ledger.gate, 'string') : undefined;
  if (gate) gate.expiresAt = expiresAt;
}

export function recordOnceIn(
  entries: MemoryEntries,
  ledger: LedgerKeys,
  record: { member: string; status: string; value: string; ttlMs?: number },
): LedgerRecord {
  if (isClosed(entries, ledger)) return { outcome: 'closed', ...ledgerStateIn(entries, ledger) };
  const added = addOutcome(entries, ledger, record.member, record.status, record.value);
  expire(entries, ledger, record.ttlMs, false);
  return { outcome: added ? 'recorded' : 'duplicate', ...ledgerStateIn(entries, ledger) };
}

export function closeLedgerIn(
  entries: MemoryEntries,
  ledger: LedgerKeys,
  missing: MissingOutcome,
  ttlMs: number | undefined,
): LedgerClose {
  const closedNow = !isClosed(entries, ledger);
  if (closedNow) entries.write(ledger.gate, { kind: 'string', value: Buffer.from('closed') });
  for (const member of missing.members) addOutcome(entries, ledger, member, missing.status, missing.value);
  expire(entries, ledger, ttlMs, true);
  return { closedNow, ...ledgerStateIn(entries, ledger) };
}

export function claimLeaseIn(
  entries: MemoryEntries,
  key: string,
  holder: string,
  leaseMs: number,
): LeaseClaim {
  const current = entries.read(key, 'string')?.value.toString();
  if (current === LEASE_DONE) return 'done';
  if (current !== undefined && current !== leaseValue(holder)) return 'held';
  entries.write(key, {
    kind: 'string',
    value: Buffer.from(leaseValue(holder)),
    expiresAt: entries.expiresAt(leaseMs),
  });
  return 'acquired';
}

export function renewLeaseIn(entries: MemoryEntries, key: string, holder: string, leaseMs: number): boolean {
  const entry = entries.read(key, 'string');
  if (entry?.value.toString() !== leaseValue(holder)) return false;
  entry.expiresAt = entries.expiresAt(leaseMs);
  return true;
}
