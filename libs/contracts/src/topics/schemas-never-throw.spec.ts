import type { z } from 'zod';
import { reportFixtures } from '../fixtures/report.fixtures';
import { sessionSummaryFixtures } from '../fixtures/session-summary.fixtures';
import { topicFixtures } from '../fixtures/topic.fixtures';
import { reportV1Schema } from '../report/report.schema';
import { sessionSummarySchema } from '../summary/session-summary.schema';
import { ALL_TOPICS } from './all-topics';

type Path = readonly (string | number)[];

const REPLACEMENTS: readonly unknown[] = [undefined, null, 0, -1, 'x', [], {}, [null], { x: 1 }];

/** Every valid fixture with one field (at any depth) removed or replaced by a value of the wrong type. */
function* mutations(root: unknown, path: Path = []): Generator<{ at: string; value: unknown }> {
  let node: unknown = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  if (!node || typeof node !== 'object') return;
  for (const key of Object.keys(node)) {
    for (const replacement of REPLACEMENTS) {
      const copy = structuredClone(root);
      let target = copy as Record<string, unknown>;
      for (const step of path) target = target[step] as Record<string, unknown>;
      if (replacement === undefined) delete target[key];
      else target[key] = replacement;
      yield { at: `${[...path, key].join('.')} = ${JSON.stringify(replacement)}`, value: copy };
    }
    yield* mutations(root, [...path, key]);
  }
}

const schemas: [string, z.ZodType, readonly unknown[]][] = [
  ...ALL_TOPICS.map((d): [string, z.ZodType, readonly unknown[]] => [
    d.topic,
    d.value,
    topicFixtures[d.topic].valid,
  ]),
  ['report v1', reportV1Schema, reportFixtures.valid],
  ['session summary', sessionSummarySchema, sessionSummaryFixtures.valid],
];

// Consumers validate untrusted bytes: a schema (with its cross-field rules) must report, never throw.
describe.each(schemas)('%s schema on malformed values', (_name, schema, valid) => {
  it('returns issues instead of throwing', () => {
    const thrown: string[] = [];
    for (const fixture of valid) {
      for (const { at, value } of mutations(fixture)) {
        try {
          schema.safeParse(value);
        } catch (error) {
          thrown.push(`${at}: ${String(error)}`);
        }
      }
    }
    expect(thrown).toEqual([]);
  });
});
