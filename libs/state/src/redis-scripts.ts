/**
 * Lua scripts behind the store's multi-step operations: each runs atomically on the Redis server, so the
 * step is one indivisible change however many replicas call it at once. KEYS of one script always share
 * a hash tag (Redis Cluster).
 */
export const REDIS_SCRIPTS = {
  /** KEYS: gate, entries, counts. ARGV: member, status, value, ttlMs ('' for none). */
  siftRecordOnce: {
    numberOfKeys: 3,
    lua: `
      local outcome = 'closed'
      if redis.call('GET', KEYS[1]) ~= 'closed' then
        outcome = 'duplicate'
        if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[3]) == 1 then
          redis.call('HINCRBY', KEYS[3], ARGV[2], 1)
          outcome = 'recorded'
        end
        if ARGV[4] ~= '' then
          redis.call('PEXPIRE', KEYS[2], ARGV[4])
          redis.call('PEXPIRE', KEYS[3], ARGV[4])
        end
      end
      return {outcome, redis.call('HLEN', KEYS[2]), redis.call('HGETALL', KEYS[3])}`,
  },
  /** KEYS: gate, entries, counts. ARGV: status, value, ttlMs ('' for none), members... */
  siftCloseLedger: {
    numberOfKeys: 3,
    lua: `
      local closedNow = redis.call('SET', KEYS[1], 'closed', 'NX') and 1 or 0
      for i = 4, #ARGV do
        if redis.call('HSETNX', KEYS[2], ARGV[i], ARGV[2]) == 1 then
          redis.call('HINCRBY', KEYS[3], ARGV[1], 1)
        end
      end
      if ARGV[3] ~= '' then
        for k = 1, 3 do redis.call('PEXPIRE', KEYS[k], ARGV[3]) end
      end
      return {closedNow, redis.call('HLEN', KEYS[2]), redis.call('HGETALL', KEYS[3])}`,
  },
  /** KEYS: lease. ARGV: holder, leaseMs. */
  siftClaimLease: {
    numberOfKeys: 1,
    lua: `
      local value = redis.call('GET', KEYS[1])
      if value == 'done' then return 'done' end
      if value and value ~= ARGV[1] then return 'held' end
      redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
      return 'acquired'`,
  },
  /** KEYS: lease. ARGV: holder, leaseMs. */
  siftRenewLease: {
    numberOfKeys: 1,
    lua: `
      if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
      redis.call('PEXPIRE', KEYS[1], ARGV[2])
      return 1`,
  },
  /** KEYS: lease. ARGV: holder, ttlMs ('' for none). */
  siftCompleteLease: {
    numberOfKeys: 1,
    lua: `
      if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
      if ARGV[2] == '' then redis.call('SET', KEYS[1], 'done')
      else redis.call('SET', KEYS[1], 'done', 'PX', ARGV[2]) end
      return 1`,
  },
  /** KEYS: lease. ARGV: holder. */
  siftReleaseLease: {
    numberOfKeys: 1,
    lua: `
      if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
      return 0`,
  },
  /** KEYS: sorted set. ARGV: member, expected score, next score ('' to remove). */
  siftZscoreIf: {
    numberOfKeys: 1,
    lua: `
      local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
      if not score or tonumber(score) ~= tonumber(ARGV[2]) then return 0 end
      if ARGV[3] == '' then redis.call('ZREM', KEYS[1], ARGV[1])
      else redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1]) end
      return 1`,
  },
} as const;

export type RedisScriptName = keyof typeof REDIS_SCRIPTS;
