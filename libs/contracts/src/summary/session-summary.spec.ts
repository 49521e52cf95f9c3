import { describeFixtureSet } from '../fixtures/fixture-set.test-util';
import { sessionSummaryFixtures } from '../fixtures/session-summary.fixtures';
import { flagsOf } from './flags.schema';
import { sessionSummarySchema } from './session-summary.schema';

describeFixtureSet('session summary', sessionSummarySchema, sessionSummaryFixtures);

describe('flagsOf', () => {
  it('flattens the key action flags in a stable order', () => {
    expect(flagsOf({ exception: 'blocking', confusion: true, abandonment: true })).toEqual([
      'blocking-exception',
      'confusion',
      'abandonment',
    ]);
    expect(flagsOf({ exception: 'non-blocking', confusion: false, abandonment: false })).toEqual([
      'non-blocking-exception',
    ]);
    expect(flagsOf({ exception: null, confusion: false, abandonment: false })).toEqual([]);
  });
});
