import { z } from 'zod';
import { StateStoreError } from './state-store.error';
import type {
  LeaseClaim,
  LedgerClose,
  LedgerKeys,
  LedgerRecord,
  LedgerState,
  MissingOutcome,
  ScoredMember,
} from './coordination.types';
import type { AddToSetResult, SetOptions, StateStore } from './state-store.types';
import { errorMessage } from '@sift/errors';
import {
  DEFAULT_COMPRESS_THRESHOLD_BYTES,
  DEFAULT_MAX_DECOMPRESSED_BYTES,
  decodeJson,
  encodeJson,
} from './value-codec.util';

/** Options every store accepts. */
export interface BaseStateStoreOptions {
  /** Serialized JSON larger than this is gzip-compressed by `setJson`. Default 1024 bytes. */
  compressThresholdBytes?: number;
  /** `getJson` refuses a stored value that inflates past this. Default 512 MiB. */
  maxDecompressedBytes?: number;
}

/** The JSON helpers, written once on top of each backend's raw `get`/`set`. */
export abstract class BaseStateStore implements StateStore {
  private readonly compressThresholdBytes: number;
  private readonly maxDecompressedBytes: number;

  protected constructor(options: BaseStateStoreOptions = {}) {
    this.compressThresholdBytes = options.compressThresholdBytes ?? DEFAULT_COMPRESS_THRESHOLD_BYTES;
    this.maxDecompressedBytes = options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES;
  }

  abstract get(key: string): Promise<Buffer | null>;
  abstract set(key: string, value: Buffer | string, options?: SetOptions): Promise<void>;
  abstract delete(key: string): Promise<void>;
  abstract addToSet(key: string, member: string, options?: SetOptions): Promise<AddToSetResult>;
  abstract setSize(key: string): Promise<number>;
  abstract setMembers(key: string): Promise<string[]>;
  abstract zadd(key: string, score: number, member: string): Promise<void>;
  abstract zrangeByScore(key: string, min: number, max: number, limit?: number): Promise<string[]>;
  abstract zrem(key: string, member: string): Promise<boolean>;
  abstract incrBy(key: string, by: number, options?: SetOptions): Promise<number>;
  abstract setIfAbsent(key: string, value: Buffer | string, options?: SetOptions): Promise<boolean>;
  abstract recordOnce(
    ledger: LedgerKeys,
    member: string,
    status: string,
    value: string,
    options?: SetOptions,
  ): Promise<LedgerRecord>;
  abstract closeLedger(
    ledger: LedgerKeys,
    missing: MissingOutcome,
    options?: SetOptions,
  ): Promise<LedgerClose>;
  abstract ledgerEntries(ledger: LedgerKeys): Promise<Map<string, string>>;
  abstract ledgerState(ledger: LedgerKeys): Promise<LedgerState>;
  abstract claimLease(key: string, holder: string, leaseMs: number): Promise<LeaseClaim>;
  abstract renewLease(key: string, holder: string, leaseMs: number): Promise<boolean>;
  abstract completeLease(key: string, holder: string, options?: SetOptions): Promise<boolean>;
  abstract releaseLease(key: string, holder: string): Promise<void>;
  abstract zrangeByScoreWithScores(
    key: string,
    min: number,
    max: number,
    limit?: number,
  ): Promise<ScoredMember[]>;
  abstract zscoreIf(key: string, member: string, expected: number, next: number | null): Promise<boolean>;
  abstract close(): Promise<void>;

  async setJsonIfAbsent(key: string, value: unknown, options?: SetOptions): Promise<boolean> {
    return this.setIfAbsent(key, await this.encode(key, value), options);
  }

  async getJson<T>(key: string, schema?: z.ZodType<T>): Promise<T | null> {
    const raw = await this.get(key);
    if (raw === null) return null;
    let value: unknown;
    try {
      value = await decodeJson(raw, this.maxDecompressedBytes);
    } catch (error) {
      throw new StateStoreError(
        'STATE_DECODE_FAILED',
        `value at "${key}" is not JSON: ${errorMessage(error)}`,
        {
          cause: error,
        },
      );
    }
    if (schema === undefined) return value as T;
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      throw new StateStoreError(
        'STATE_SCHEMA_MISMATCH',
        `value at "${key}" does not match the expected schema:\n${z.prettifyError(parsed.error)}`,
        { cause: parsed.error },
      );
    }
    return parsed.data;
  }

  async setJson(key: string, value: unknown, options?: SetOptions): Promise<void> {
    await this.set(key, await this.encode(key, value), options);
  }

  private async encode(key: string, value: unknown): Promise<Buffer> {
    try {
      return await encodeJson(value, this.compressThresholdBytes);
    } catch (error) {
      throw new StateStoreError(
        'STATE_INVALID_ARGUMENT',
        `cannot store "${key}" as JSON: ${errorMessage(error)}`,
        {
          cause: error,
        },
      );
    }
  }
}
