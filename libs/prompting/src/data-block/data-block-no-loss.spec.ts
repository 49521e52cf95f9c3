import { exceptionOf, targetOfEvent } from '@sift/analysis';
import type { PosthogEvent } from '@sift/contracts';
import {
  batchSessions,
  LoadedSession,
  RECORDED_BATCHES,
  realRecordingSessions,
} from '../testing/recorded-sessions.test-util';
import { TextMasker } from './alias-tables';
import { kindOf } from './event-kind.util';
import { parseDataBlock } from './parse-data-block.util';
import { renderDataBlock } from './render-data-block.util';
import { selectEvents } from './select-events.util';

jest.setTimeout(60_000);

const unmasked: TextMasker = { mask: (text) => text, maskUrl: (url) => url, counts: () => ({}) };

let sessions: LoadedSession[] = [];
let real: LoadedSession[] = [];
beforeAll(async () => {
  const batches = await Promise.all(RECORDED_BATCHES.map(batchSessions));
  real = await realRecordingSessions();
  sessions = [...batches.flat(), ...real];
});

describe('the session data block loses nothing an analyst needs', () => {
  it('covers the recorded batches and all eight real recordings (rrweb only, 12 s to 33 min)', () => {
    expect(real).toHaveLength(8);
    expect(sessions).toHaveLength(24 + 4 + 8);
  });

  it('renders every kept event recoverably: kind, time, page, element, error, and its uuid', () => {
    for (const { source, session } of sessions) {
      const block = renderDataBlock(session, unmasked);
      const parsed = parseDataBlock(block.text);
      expect({ source, lines: parsed.lines }).toEqual({ source, lines: block.lines });

      const kept = selectEvents(session.events, session.startMs, session.endMs).kept;
      const byUuid = new Map(kept.map((event) => [event.uuid, event]));
      const cited = [...block.eventIds.values()].flat();
      expect({ source, cited: [...cited].sort() }).toEqual({ source, cited: [...byUuid.keys()].sort() });

      for (const line of parsed.lines) {
        const uuids = block.eventIds.get(line.id) ?? [];
        expect({ source, line: line.id, count: uuids.length }).toEqual({
          source,
          line: line.id,
          count: line.run?.count ?? 1,
        });
        uuids.forEach((uuid, index) => {
          const event = byUuid.get(uuid) as PosthogEvent;
          const seconds = (Date.parse(event.timestamp) - session.startMs) / 1000;
          const latest = line.seconds + (line.run?.spanSeconds ?? 0) + 0.5;
          const earliest = index === 0 ? line.seconds - 0.5 : line.seconds - 0.05;
          const recovered = {
            kind: line.kind,
            inTime: seconds >= earliest && seconds <= (index === 0 ? line.seconds + 0.5 : latest),
            page: line.page === '-' ? undefined : parsed.pages.get(line.page),
            element: line.element ? parsed.elements.get(line.element) : undefined,
            error: line.error ? parsed.errors.get(line.error) : undefined,
          };
          expect({ source, id: line.id, ...recovered }).toEqual({
            source,
            id: line.id,
            kind: kindOf(event),
            inTime: true,
            page: expectedPage(event, parsed.pages),
            element: expectedElement(event),
            error: expectedError(event),
          });
        });
      }
    }
  });
});

/** The page as the block shows it: the full URL, or its path and query when the origin is shared. */
function expectedPage(event: PosthogEvent, pages: ReadonlyMap<string, string>): string | undefined {
  const url = event.properties.$current_url;
  if (!url) return undefined;
  const shown = [...pages.values()];
  if (shown.includes(url)) return url;
  const local = URL.canParse(url) ? url.slice(new URL(url).origin.length) || '/' : url;
  return local;
}

function expectedElement(event: PosthogEvent): string | undefined {
  if (event.event !== '$autocapture' && event.event !== '$rageclick') return undefined;
  return targetOfEvent(event)?.name;
}

function expectedError(event: PosthogEvent): string | undefined {
  const facts = exceptionOf(event);
  if (!facts) return undefined;
  const full = (facts.message ? `${facts.type}: ${facts.message}` : facts.type).replace(/\s+/g, ' ').trim();
  return full.length > 200 ? `${full.slice(0, 199)}…` : full;
}
