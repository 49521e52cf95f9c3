import { Redis, type ChainableCommander } from 'ioredis';
import { BaseStateStore, type BaseStateStoreOptions } from './base-state-store';
import type {
  LeaseClaim,
  LedgerClose,
  LedgerKeys,
  LedgerRecord,
  LedgerState,
  MissingOutcome,
  ScoredMember,
} from './coordination.types';
import { leaseValue, ledgerStateOf } from './ledger-parse.util';
import { REDIS_SCRIPTS, RedisScriptName } from './redis-scripts';
import { toStateStoreError } from './redis-error.util';
import { StateStoreError } from './state-store.error';
import type { AddToSetResult, SetOptions } from './state-store.types';
import { assertIntegerDelta, assertLimit, assertScore, ttlMillis } from './store-arguments.util';

export interface RedisStateStoreOptions extends BaseStateStoreOptions {
  /**
   * Prepended to every key, e.g. to isolate tenants or test runs. Must not contain `{` or `}` so the
   * report hash tags stay the first tag Redis Cluster sees.
   */
  keyPrefix?: string;
}

type ScriptCall = (this: Redis, ...args: Array<string | number>) => Promise<unknown>;

function leaseArg(leaseMs: number): number {
  if (!Number.isFinite(leaseMs) || leaseMs < 1) {
    throw new StateStoreError('STATE_INVALID_ARGUMENT', `a lease needs a positive duration, got ${leaseMs}`);
  }
  return Math.round(leaseMs);
}

function scoreArg(score: number): string {
  if (score === Number.POSITIVE_INFINITY) return '+inf';
  if (score === Number.NEGATIVE_INFINITY) return '-inf';
  return String(score);
}

/**
 * A {@link StateStore} on Redis via ioredis. Multi-step operations run as one MULTI transaction, so they
 * are atomic across every replica sharing the server. Given a URL it creates (lazily connecting) and owns
 * its client; given a client it borrows it and leaves quitting to the owner.
 */
export class RedisStateStore extends BaseStateStore {
  private readonly client: Redis;
  private readonly ownsClient: boolean;
  private readonly keyPrefix: string;
  private closed = false;

  constructor(urlOrClient: string | Redis, options: RedisStateStoreOptions = {}) {
    super(options);
    this.keyPrefix = options.keyPrefix ?? '';
    if (/[{}]/.test(this.keyPrefix)) {
      throw new StateStoreError('STATE_INVALID_ARGUMENT', `keyPrefix must not contain "{" or "}"`);
    }
    this.ownsClient = typeof urlOrClient === 'string';
    this.client =
      typeof urlOrClient === 'string' ? new Redis(urlOrClient, { lazyConnect: true }) : urlOrClient;
    for (const [name, script] of Object.entries(REDIS_SCRIPTS)) this.client.defineCommand(name, script);
  }

  async setIfAbsent(key: string, value: Buffer | string, options?: SetOptions): Promise<boolean> {
    const ttl = ttlMillis(options);
    const reply = await this.run('SET NX', key, (k) =>
      ttl === undefined ? this.client.set(k, value, 'NX') : this.client.set(k, value, 'PX', ttl, 'NX'),
    );
    return reply === 'OK';
  }

  async recordOnce(
    ledger: LedgerKeys,
    member: string,
    status: string,
    value: string,
    options?: SetOptions,
  ): Promise<LedgerRecord> {
    const ttl = ttlMillis(options) ?? '';
    const keys = [ledger.gate, ledger.entries, ledger.counts];
    const [outcome, total, counts] = await this.script('siftRecordOnce', keys, [member, status, value, ttl]);
    return { outcome: String(outcome) as LedgerRecord['outcome'], ...ledgerStateOf(total, counts) };
  }

  async closeLedger(ledger: LedgerKeys, missing: MissingOutcome, options?: SetOptions): Promise<LedgerClose> {
    const ttl = ttlMillis(options) ?? '';
    const keys = [ledger.gate, ledger.entries, ledger.counts];
    const args = [missing.status, missing.value, ttl, ...missing.members];
    const [closedNow, total, counts] = await this.script('siftCloseLedger', keys, args);
    return { closedNow: Number(closedNow) === 1, ...ledgerStateOf(total, counts) };
  }

  async ledgerEntries(ledger: LedgerKeys): Promise<Map<string, string>> {
    const fields = await this.run('HGETALL', ledger.entries, (k) => this.client.hgetall(k));
    return new Map(Object.entries(fields));
  }

  async ledgerState(ledger: LedgerKeys): Promise<LedgerState> {
    // One MULTI, so the total and the counts come from the same moment.
    const [total, counts] = await this.run('HLEN+HGETALL', ledger.entries, () =>
      this.exec(
        this.client
          .multi()
          .hlen(this.keyPrefix + ledger.entries)
          .hgetall(this.keyPrefix + ledger.counts),
      ),
    );
    const byStatus = Object.entries((counts ?? {}) as Record<string, string>);
    return { total: Number(total), counts: Object.fromEntries(byStatus.map(([s, n]) => [s, Number(n)])) };
  }

  async claimLease(key: string, holder: string, leaseMs: number): Promise<LeaseClaim> {
    const [claim] = await this.script('siftClaimLease', [key], [leaseValue(holder), leaseArg(leaseMs)]);
    return String(claim) as LeaseClaim;
  }

  async renewLease(key: string, holder: string, leaseMs: number): Promise<boolean> {
    const [renewed] = await this.script('siftRenewLease', [key], [leaseValue(holder), leaseArg(leaseMs)]);
    return Number(renewed) === 1;
  }

  async completeLease(key: string, holder: string, options?: SetOptions): Promise<boolean> {
    const args = [leaseValue(holder), ttlMillis(options) ?? ''];
    const [completed] = await this.script('siftCompleteLease', [key], args);
    return Number(completed) === 1;
  }

  async releaseLease(key: string, holder: string): Promise<void> {
    await this.script('siftReleaseLease', [key], [leaseValue(holder)]);
  }

  async zrangeByScoreWithScores(
    key: string,
    min: number,
    max: number,
    limit?: number,
  ): Promise<ScoredMember[]> {
    assertScore(min, 'min');
    assertScore(max, 'max');
    assertLimit(limit);
    const [lo, hi] = [scoreArg(min), scoreArg(max)];
    const flat = await this.run('ZRANGEBYSCORE', key, (k) =>
      limit === undefined
        ? this.client.zrangebyscore(k, lo, hi, 'WITHSCORES')
        : this.client.zrangebyscore(k, lo, hi, 'WITHSCORES', 'LIMIT', 0, limit),
    );
    const members: ScoredMember[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2)
      members.push({ member: flat[i], score: Number(flat[i + 1]) });
    return members;
  }

  async zscoreIf(key: string, member: string, expected: number, next: number | null): Promise<boolean> {
    assertScore(expected, 'expected');
    if (next !== null) assertScore(next);
    const args = [member, scoreArg(expected), next === null ? '' : scoreArg(next)];
    const [changed] = await this.script('siftZscoreIf', [key], args);
    return Number(changed) === 1;
  }

  async get(key: string): Promise<Buffer | null> {
    return this.run('GET', key, (k) => this.client.getBuffer(k));
  }

  async set(key: string, value: Buffer | string, options?: SetOptions): Promise<void> {
    const ttl = ttlMillis(options);
    await this.run('SET', key, (k) =>
      ttl === undefined ? this.client.set(k, value) : this.client.set(k, value, 'PX', ttl),
    );
  }

  async delete(key: string): Promise<void> {
    await this.run('DEL', key, (k) => this.client.del(k));
  }

  async addToSet(key: string, member: string, options?: SetOptions): Promise<AddToSetResult> {
    const ttl = ttlMillis(options);
    return this.run('SADD', key, async (k) => {
      const tx = this.client.multi().sadd(k, member).scard(k);
      if (ttl !== undefined) tx.pexpire(k, ttl);
      const [added, size] = await this.exec(tx);
      return { added: Number(added) === 1, size: Number(size) };
    });
  }

  async setSize(key: string): Promise<number> {
    return this.run('SCARD', key, (k) => this.client.scard(k));
  }

  async setMembers(key: string): Promise<string[]> {
    return this.run('SMEMBERS', key, (k) => this.client.smembers(k));
  }

  async zadd(key: string, score: number, member: string): Promise<void> {
    assertScore(score);
    await this.run('ZADD', key, (k) => this.client.zadd(k, scoreArg(score), member));
  }

  async zrangeByScore(key: string, min: number, max: number, limit?: number): Promise<string[]> {
    assertScore(min, 'min');
    assertScore(max, 'max');
    assertLimit(limit);
    const [lo, hi] = [scoreArg(min), scoreArg(max)];
    return this.run('ZRANGEBYSCORE', key, (k) =>
      limit === undefined
        ? this.client.zrangebyscore(k, lo, hi)
        : this.client.zrangebyscore(k, lo, hi, 'LIMIT', 0, limit),
    );
  }

  async zrem(key: string, member: string): Promise<boolean> {
    return this.run('ZREM', key, async (k) => (await this.client.zrem(k, member)) === 1);
  }

  async incrBy(key: string, by: number, options?: SetOptions): Promise<number> {
    assertIntegerDelta(by);
    const ttl = ttlMillis(options);
    return this.run('INCRBY', key, async (k) => {
      if (ttl === undefined) return this.client.incrby(k, by);
      const [value] = await this.exec(this.client.multi().incrby(k, by).pexpire(k, ttl));
      return Number(value);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.ownsClient || this.client.status === 'end') return;
    if (this.client.status === 'wait') {
      this.client.disconnect(); // never connected (lazyConnect): nothing to say goodbye to
      return;
    }
    // A failed QUIT (server already gone) leaves nothing to do but drop the socket.
    await this.client.quit().catch(() => this.client.disconnect());
  }

  private async run<T>(command: string, key: string, call: (prefixedKey: string) => Promise<T>): Promise<T> {
    if (this.closed) throw new StateStoreError('STATE_CLOSED', 'state store is closed');
    try {
      return await call(this.keyPrefix + key);
    } catch (error) {
      throw toStateStoreError(command, key, error);
    }
  }

  /** Runs one of {@link REDIS_SCRIPTS} on prefixed keys; the reply, as an array. */
  private async script(
    name: RedisScriptName,
    keys: readonly string[],
    args: ReadonlyArray<string | number>,
  ): Promise<unknown[]> {
    if (this.closed) throw new StateStoreError('STATE_CLOSED', 'state store is closed');
    const call = (this.client as unknown as Record<RedisScriptName, ScriptCall>)[name];
    try {
      const reply = await call.call(this.client, ...keys.map((key) => this.keyPrefix + key), ...args);
      return Array.isArray(reply) ? reply : [reply];
    } catch (error) {
      throw toStateStoreError(name, keys[0] ?? '', error);
    }
  }

  /** Runs a MULTI and returns its replies, rejecting with the first command's error. */
  private async exec(tx: ChainableCommander): Promise<unknown[]> {
    const replies = await tx.exec();
    if (replies === null) throw new Error('transaction was aborted');
    return replies.map(([error, reply]) => {
      if (error) throw error;
      return reply;
    });
  }
}
