import { LedgerKeys, reportKey, StateStore } from '@sift/state';
import { setTimeout as sleep } from 'node:timers/promises';
import { storeBackends } from '../support/store-backends';

const ledger = (name: string): LedgerKeys => ({
  gate: reportKey('r1', name, 'gate'),
  entries: reportKey('r1', name, 'entries'),
  counts: reportKey('r1', name, 'counts'),
});

describe.each(storeBackends())('StateStore coordination conformance: $name', (backend) => {
  let store: StateStore;
  /** Two clients of one store, as two replicas would have (the memory store shares its one instance). */
  let other: StateStore;

  beforeAll(() => backend.start());
  afterAll(() => backend.stop());
  beforeEach(() => {
    [store, other] = backend.createPair();
  });
  afterEach(async () => {
    await store.close();
    await other.close();
  });

  it('keeps the first outcome of each member and counts it once, whatever arrives later', async () => {
    const l = ledger('first');
    expect(await store.recordOnce(l, 's1', 'succeeded', '{"a":1}')).toEqual({
      outcome: 'recorded',
      total: 1,
      counts: { succeeded: 1 },
    });
    expect(await store.recordOnce(l, 's1', 'failed', '{"b":2}')).toMatchObject({
      outcome: 'duplicate',
      total: 1,
    });
    await store.recordOnce(l, 's2', 'failed', '{"c":3}');
    expect(await store.ledgerEntries(l)).toEqual(
      new Map([
        ['s1', '{"a":1}'],
        ['s2', '{"c":3}'],
      ]),
    );
    expect(await store.ledgerState(l)).toEqual({ total: 2, counts: { succeeded: 1, failed: 1 } });
  });

  it('counts exactly under 400 racing records of 50 members with conflicting statuses', async () => {
    const l = ledger('race');
    const records = Array.from({ length: 400 }, (_, i) => ({
      member: `s${i % 50}`,
      status: i % 3 === 0 ? 'failed' : 'succeeded',
    }));
    const results = await Promise.all(records.map((r) => store.recordOnce(l, r.member, r.status, r.status)));
    expect(results.filter((r) => r.outcome === 'recorded')).toHaveLength(50);
    const entries = await store.ledgerEntries(l);
    const { total, counts } = await store.ledgerState(l);
    expect(total).toBe(50);
    expect((counts.failed ?? 0) + (counts.succeeded ?? 0)).toBe(50);
    expect([...entries.values()].filter((status) => status === 'failed')).toHaveLength(counts.failed ?? 0);
  });

  it('closes once, fills the members that never reported, and refuses records from then on', async () => {
    const l = ledger('close');
    await store.recordOnce(l, 's1', 'succeeded', 'ok');
    const missing = { members: ['s1', 's2', 's3'], status: 'failed', value: 'late' };
    const closes = await Promise.all([store.closeLedger(l, missing), other.closeLedger(l, missing)]);
    expect(closes.map((c) => c.closedNow).sort()).toEqual([false, true]);
    expect(closes[0]).toMatchObject({ total: 3, counts: { succeeded: 1, failed: 2 } });
    expect(await store.recordOnce(l, 's2', 'succeeded', 'too late')).toMatchObject({
      outcome: 'closed',
      total: 3,
    });
    expect(await store.ledgerEntries(l)).toEqual(
      new Map([
        ['s1', 'ok'],
        ['s2', 'late'],
        ['s3', 'late'],
      ]),
    );
  });

  it('never lets a member be both recorded and filled when a record races the close', async () => {
    for (let round = 0; round < 50; round += 1) {
      const l = ledger(`edge-${round}`);
      const [record, close] = await Promise.all([
        store.recordOnce(l, 's1', 'succeeded', 'ok'),
        other.closeLedger(l, { members: ['s1'], status: 'failed', value: 'late' }),
      ]);
      const entries = await store.ledgerEntries(l);
      expect(entries.get('s1')).toBe(record.outcome === 'recorded' ? 'ok' : 'late');
      expect(close.total).toBe(1);
      expect(await store.ledgerState(l)).toMatchObject({ total: 1 });
    }
  });

  it('grants a lease to one of many claimants, lets it renew and complete, and hands over an expired one', async () => {
    const key = reportKey('r1', 'lease');
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.claimLease(key, `holder-${i}`, 300)),
    );
    expect(claims.filter((c) => c === 'acquired')).toHaveLength(1);
    const holder = `holder-${claims.indexOf('acquired')}`;
    expect(await store.renewLease(key, holder, 300)).toBe(true);
    expect(await store.renewLease(key, 'someone-else', 300)).toBe(false);
    expect(await store.claimLease(key, holder, 300)).toBe('acquired');

    await sleep(350);
    expect(await other.claimLease(key, 'successor', 300)).toBe('acquired');
    expect(await store.renewLease(key, holder, 300)).toBe(false);
    await store.releaseLease(key, holder); // not theirs any more: changes nothing
    expect(await store.claimLease(key, 'third', 300)).toBe('held');

    expect(await store.completeLease(key, holder)).toBe(false); // not the holder any more
    expect(await other.completeLease(key, 'successor')).toBe(true);
    expect(await store.claimLease(key, 'third', 300)).toBe('done');
    expect(await store.renewLease(key, 'successor', 300)).toBe(false);
  });

  it('lets a holder give its lease up early', async () => {
    const key = reportKey('r1', 'released');
    expect(await store.claimLease(key, 'a', 60_000)).toBe('acquired');
    await store.releaseLease(key, 'a');
    expect(await store.claimLease(key, 'b', 60_000)).toBe('acquired');
  });

  it('stores a value once for racing writers', async () => {
    const wins = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.setJsonIfAbsent('doc', { writer: i })),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await store.getJson('doc')).toEqual({ writer: wins.indexOf(true) });
  });

  it('moves or removes a sorted set member only while its score is what the caller saw', async () => {
    await store.zadd('deadlines', 100, 'sessions:r1');
    expect(await store.zrangeByScoreWithScores('deadlines', 0, 200)).toEqual([
      { member: 'sessions:r1', score: 100 },
    ]);
    const moves = await Promise.all([
      store.zscoreIf('deadlines', 'sessions:r1', 100, 5_000),
      other.zscoreIf('deadlines', 'sessions:r1', 100, 6_000),
    ]);
    expect(moves.filter(Boolean)).toHaveLength(1);
    const [{ score }] = await store.zrangeByScoreWithScores('deadlines', 0, Infinity);
    expect(await store.zscoreIf('deadlines', 'sessions:r1', 100, null)).toBe(false);
    expect(await store.zscoreIf('deadlines', 'sessions:r1', score, null)).toBe(true);
    expect(await store.zrangeByScore('deadlines', 0, Infinity)).toEqual([]);
  });

  it('answers edge cases the same on every backend', async () => {
    await store.zadd('z', 1, 'm');
    expect(await store.setIfAbsent('z', 'x')).toBe(false); // a key of another type is present, as for SET NX
    await expect(store.zscoreIf('z', 'm', Number.NaN, 2)).rejects.toMatchObject({
      code: 'STATE_INVALID_ARGUMENT',
    });
    await store.zadd('z', 0.1 + 0.2, 'f');
    const [read] = await store.zrangeByScoreWithScores('z', 0.25, 0.35);
    expect(await store.zscoreIf('z', 'f', read.score, 5)).toBe(true);
  });
});
