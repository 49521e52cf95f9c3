import { z } from 'zod';
import { StateStoreError } from './state-store.error';
import type { AddToSetResult, SetOptions, StateStore } from './state-store.types';
import { errorMessage } from '@sift/errors';
import { DEFAULT_COMPRESS_THRESHOLD_BYTES, decodeJson, encodeJson } from './value-codec.util';

/** Options every store accepts. */
export interface BaseStateStoreOptions {
  /** Serialized JSON larger than this is gzip-compressed by `setJson`. Default 1024 bytes. */
  compressThresholdBytes?: number;
}

/** The JSON helpers, written once on top of each backend's raw `get`/`set`. */
export abstract class BaseStateStore implements StateStore {
  private readonly compressThresholdBytes: number;

  protected constructor(options: BaseStateStoreOptions = {}) {
    this.compressThresholdBytes = options.compressThresholdBytes ?? DEFAULT_COMPRESS_THRESHOLD_BYTES;
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
  abstract close(): Promise<void>;

  async getJson<T>(key: string, schema?: z.ZodType<T>): Promise<T | null> {
    const raw = await this.get(key);
    if (raw === null) return null;
    let value: unknown;
    try {
      value = await decodeJson(raw);
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
    let encoded: Buffer;
    try {
      encoded = await encodeJson(value, this.compressThresholdBytes);
    } catch (error) {
      throw new StateStoreError(
        'STATE_INVALID_ARGUMENT',
        `cannot store "${key}" as JSON: ${errorMessage(error)}`,
        {
          cause: error,
        },
      );
    }
    await this.set(key, encoded, options);
  }
}
