import type { PosthogEvent } from '@sift/contracts';
import type { NormalizedSession } from '@sift/sessions';
import { PiiMasker } from '../privacy/pii.masker';
import { parseDataBlock } from './parse-data-block.util';
import { renderDataBlock } from './render-data-block.util';

const START = Date.UTC(2026, 0, 1, 12, 0, 0);

function event(second: number, name: string, properties: Record<string, unknown> = {}): PosthogEvent {
  return {
    uuid: `evt-${second}-${name}`,
    event: name,
    timestamp: new Date(START + second * 1000).toISOString(),
    distinct_id: 'u1',
    properties: {
      $session_id: 's1',
      $window_id: 'w',
      $current_url: 'https://shop.example/cart',
      ...properties,
    },
  } as PosthogEvent;
}

const click = (second: number, text: string, url?: string) =>
  event(second, '$autocapture', {
    $event_type: 'click',
    $elements_chain: `button.btn:text="${text}"nth-child="1"nth-of-type="1"`,
    ...(url ? { $current_url: url } : {}),
  });

function session(events: PosthogEvent[]): NormalizedSession {
  const times = events.map((e) => Date.parse(e.timestamp));
  const [startMs, endMs] = [Math.min(...times), Math.max(...times)];
  return {
    sessionId: 's1',
    events,
    startMs,
    endMs,
    durationMs: endMs - startMs,
    eventsDerivedFromRecording: false,
    droppedEvents: 0,
    duplicateEvents: 0,
    droppedRecordingEvents: 0,
    warnings: [],
    contentHash: 'a'.repeat(64),
  };
}

describe('renderDataBlock', () => {
  it('folds a burst of clicks on one element into a line with its count and span', () => {
    const block = renderDataBlock(
      session([
        event(0, '$pageview'),
        ...[10, 10.3, 10.6, 11.1].map((s) => click(s, 'Add to cart')),
        event(40, 'order_completed'),
      ]),
      new PiiMasker(),
    );
    expect(block.text.split('\n').slice(-3)).toEqual([
      '#1 0.0 pageview u1',
      '#2 10.0 click u1 e1 x4/1.1s',
      '#3 40.0 order_completed u1',
    ]);
    expect(block.eventIds.get('#2')).toHaveLength(4);
    expect(block.omissions.collapsed).toBe(3);
  });

  it('keeps a repeating error once per page visit with its count, and names it once in the errors table', () => {
    const error = (second: number) =>
      event(second, '$exception', { $exception_list: [{ type: 'TypeError', value: "Cannot read 'price'" }] });
    const block = renderDataBlock(
      session([
        event(0, '$pageview'),
        error(1),
        click(5, 'Pay'),
        error(6),
        event(20, '$pageview'),
        error(21),
        click(30, 'Pay'),
      ]),
      new PiiMasker(),
    );
    const parsed = parseDataBlock(block.text);
    expect(parsed.errors).toEqual(new Map([['x1', "TypeError: Cannot read 'price'"]]));
    expect(
      parsed.lines.filter((line) => line.kind === 'exception').map((line) => line.run?.count ?? 1),
    ).toEqual([2, 1]);
  });

  it('drops context-free events and says so in the header', () => {
    const block = renderDataBlock(
      session([
        event(0, '$pageview'),
        event(0.5, '$feature_flag_called'),
        event(9, '$pageleave'),
        event(10, '$pageview', { $current_url: 'https://shop.example/checkout' }),
        click(20, 'Pay', 'https://shop.example/checkout'),
        event(40, '$pageleave', { $current_url: 'https://shop.example/checkout' }),
      ]),
      new PiiMasker(),
    );
    expect(block.text.split('\n')[1]).toBe(
      '6 events in, 4 lines; left out: 1 $feature_flag_called, 1 $pageleave',
    );
    expect(block.text).toContain('#4 40.0 pageleave u2');
  });

  it('masks personal data everywhere it could appear and counts what it masked', () => {
    const block = renderDataBlock(
      session([
        event(0, '$pageview', {
          $current_url: 'https://shop.example/account?email=jane.doe%40example.com&token=s3cr3tvalue',
        }),
        click(10, 'Signed in as jane.doe@example.com'),
        event(12, '$exception', {
          $exception_list: [
            { type: 'Error', value: 'card 4111 1111 1111 1111 declined, call +1 (555) 123-4567' },
          ],
        }),
        click(30, 'Pay'),
      ]),
      new PiiMasker(),
    );
    expect(block.text).not.toMatch(/jane|4111|555\) 123|s3cr3t/);
    expect(block.masked).toMatchObject({ email: 2, card: 1, phone: 1 });
    expect(Object.keys(block.masked)).toEqual(expect.arrayContaining(['url-secret']));
  });
});
