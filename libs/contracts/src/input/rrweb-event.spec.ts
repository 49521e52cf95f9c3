import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeFixtureSet } from '../fixtures/fixture-set.test-util';
import { rrwebEventFixtures } from '../fixtures/rrweb-event.fixtures';
import { rrwebEventSchema, sessionRecordingSchema } from './rrweb-event.schema';

describeFixtureSet('rrweb event', rrwebEventSchema, rrwebEventFixtures);

/** Real public recordings beside the checkout (see ../shared/recordings/SOURCES.md). */
const RECORDINGS = resolve(__dirname, '../../../../../shared/recordings');

function unwrap(json: unknown): unknown {
  if (Array.isArray(json)) return json;
  const result = (json as { result?: unknown }).result;
  return Array.isArray(result) ? result : (result as { snapshots?: unknown }).snapshots;
}

describe('real rrweb recordings', () => {
  it.each(['docs.json', 'with-pageviews.json', 'wide-layout.json', 'hogflix_session_recording.json'])(
    '%s parses as a session recording',
    (file) => {
      const events = sessionRecordingSchema.parse(
        unwrap(JSON.parse(readFileSync(resolve(RECORDINGS, file), 'utf8'))),
      );
      expect(events.length).toBeGreaterThan(50);
      expect(events.some((event) => event.type === 2)).toBe(true);
    },
  );
});
