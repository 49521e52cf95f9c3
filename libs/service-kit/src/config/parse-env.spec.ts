import { z } from 'zod';
import { baseEnvSchema } from './base-env.schema';
import { EnvError } from './env.error';
import { parseEnv } from './parse-env';

const schema = baseEnvSchema.extend({ HTTP_PORT: baseEnvSchema.shape.HTTP_PORT.default(3101) });
const good = { KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093', REDIS_URL: 'redis://127.0.0.1:6379' };

describe('parseEnv', () => {
  it('parses a good environment with defaults', () => {
    expect(parseEnv('ingest', schema, good)).toMatchObject({
      HTTP_PORT: 3101,
      KAFKA_BROKERS: ['127.0.0.1:9092', '127.0.0.1:9093'],
      CONSUMER_CONCURRENCY: 4,
      LOG_LEVEL: 'log',
    });
  });

  it.each([
    [{ REDIS_URL: good.REDIS_URL }, 'KAFKA_BROKERS'],
    [{ ...good, KAFKA_BROKERS: 'localhost' }, 'KAFKA_BROKERS'],
    [{ ...good, REDIS_URL: 'http://x' }, 'REDIS_URL'],
    [{ ...good, HTTP_PORT: 'eighty' }, 'HTTP_PORT'],
    [{ ...good, HTTP_PORT: '70000' }, 'HTTP_PORT'],
    [{ ...good, CONSUMER_CONCURRENCY: '0' }, 'CONSUMER_CONCURRENCY'],
    [{ ...good, LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('names the bad variable (%o → %s)', (env, variable) => {
    expect(() => parseEnv('ingest', schema, env)).toThrow(EnvError);
    expect(() => parseEnv('ingest', schema, env)).toThrow(new RegExp(`^ {2}${variable}: `, 'm'));
  });

  it('lists every bad variable at once', () => {
    const error = (() => {
      try {
        parseEnv('ingest', schema, {});
      } catch (e) {
        return e as EnvError;
      }
      throw new Error('expected EnvError');
    })();
    expect(error.message).toMatch(/KAFKA_BROKERS/);
    expect(error.message).toMatch(/REDIS_URL/);
  });

  it('accepts a service schema with extra variables', () => {
    const extended = schema.extend({ MODEL: z.string().default('offline') });
    expect(parseEnv('summarizer', extended, good).MODEL).toBe('offline');
  });

  it('treats an empty variable as unset, so the default applies', () => {
    expect(parseEnv('ingest', schema, { ...good, HTTP_PORT: '' }).HTTP_PORT).toBe(3101);
  });
});
