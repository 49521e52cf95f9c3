import { defineTopic } from '@sift/contracts';
import { z } from 'zod';

/** The value every conformance test message carries: which key it went under and its place in line. */
export const testValueSchema = z.strictObject({ key: z.string(), seq: z.number().int() });
export type TestValue = z.infer<typeof testValueSchema>;

let topicCounter = 0;

/** A topic no other test of this process uses (`sift.<prefix>-<pid>-<n>.v1`). */
export function freshTopic(prefix: string) {
  topicCounter += 1;
  return defineTopic({
    topic: `sift.${prefix}-${process.pid}-${topicCounter}.v1`,
    key: z.string(),
    value: testValueSchema,
    keyedBy: 'test key',
  });
}

export type TestTopic = ReturnType<typeof freshTopic>;
