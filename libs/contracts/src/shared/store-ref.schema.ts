import { z } from 'zod';

/** Longest state-store key we accept; keys are built from ids, so this is generous. */
export const STORE_REF_MAX_LENGTH = 512;

/**
 * A key in the state store (Redis or the in-memory store), e.g. `sift:{report:r1}:session:s1:events` (the `{...}` is a Redis Cluster hash tag).
 * Large payloads travel as store refs; a ref is a bare key, never a uri (uri fields use `redis://<key>`).
 */
export const storeRefSchema = z
  .string()
  .min(1, { error: 'store ref must not be empty' })
  .max(STORE_REF_MAX_LENGTH, { error: `store ref must be at most ${STORE_REF_MAX_LENGTH} characters` })
  .regex(/^[A-Za-z0-9._:/{}-]+$/, { error: 'store ref may only contain A-Z a-z 0-9 . _ : / - { }' })
  .refine((ref) => !ref.includes('://'), {
    error: 'store ref must be a bare key, not a uri (use a uri field for redis://, file:// or http(s)://)',
  });
export type StoreRef = z.output<typeof storeRefSchema>;
