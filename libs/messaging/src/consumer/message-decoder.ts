import { TopicDescriptor } from '@sift/contracts';
import { z } from 'zod';
import { errorMessage } from '@sift/errors';
import { RawMessage } from '../transport/transport.types';

export type DecodeResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly code: string; readonly reason: string };

/** Bytes → JSON → the topic's schema. Anything that fails here is poison: no retry can fix it. */
export function decodeMessage(message: RawMessage, descriptor: TopicDescriptor): DecodeResult {
  if (!message.value || message.value.length === 0) {
    return { ok: false, code: 'EMPTY_MESSAGE', reason: 'message has no value' };
  }
  let json: unknown;
  try {
    json = JSON.parse(message.value.toString('utf8'));
  } catch (error) {
    return { ok: false, code: 'INVALID_JSON', reason: `value is not valid JSON: ${errorMessage(error)}` };
  }
  const parsed = descriptor.value.safeParse(json);
  if (!parsed.success) {
    const reason = `value does not match the ${descriptor.topic} schema: ${z.prettifyError(parsed.error)}`;
    return { ok: false, code: 'SCHEMA_INVALID', reason };
  }
  return { ok: true, value: parsed.data };
}
