import { sharedRecording } from '../testing/sessions.test-util';
import { parseRrwebRecording } from './rrweb-recording.util';

const meta = { type: 4, timestamp: 1000, data: { href: 'https://shop.example/', width: 1280, height: 720 } };
const snapshot = { type: 2, timestamp: 1001, data: { node: { type: 0, id: 1, childNodes: [] } } };

describe('parseRrwebRecording', () => {
  it.each([
    ['an rrweb event array', [meta, snapshot]],
    ['{"result": [...]}', { result: [meta, snapshot] }],
    ['{"result": {"snapshots": [...]}}', { result: { snapshots: [meta, snapshot], person: null } }],
  ])('reads %s', (_shape, raw) => {
    expect(parseRrwebRecording(raw)).toEqual({ items: [meta, snapshot], dropped: 0, unrecognized: false });
  });

  it.each([
    [
      '{"window_id", "data"} lines',
      [
        { window_id: 'w1', data: [meta] },
        { window_id: 'w1', data: [snapshot] },
      ],
    ],
    [
      '[windowId, event] lines',
      [
        ['w1', meta],
        ['w1', snapshot],
      ],
    ],
    ['snapshot_data_by_window_id', { snapshot_data_by_window_id: { w1: [meta, snapshot] } }],
    ['a single window line', { window_id: 'w1', data: [meta, snapshot] }],
  ])('reads %s and keeps the window id', (_shape, raw) => {
    expect(parseRrwebRecording(raw).items).toEqual([
      { ...meta, windowId: 'w1' },
      { ...snapshot, windowId: 'w1' },
    ]);
  });

  it('drops and counts invalid events', () => {
    const parsed = parseRrwebRecording([meta, { type: 9, timestamp: 1 }, { $unparseableLine: 3 }, snapshot]);
    expect(parsed.items).toEqual([meta, snapshot]);
    expect(parsed.dropped).toBe(2);
    expect(parsed.firstProblem).toMatch(/^recording event 2: type: /);
  });

  it('does not recognize other shapes', () => {
    const parsed = parseRrwebRecording({ events: [meta] });
    expect(parsed.unrecognized).toBe(true);
    expect(parsed.firstProblem).toMatch(/^recording payload is not an rrweb event array/);
  });

  it.each([
    ['hogflix_session_recording.json', 62],
    ['homepage.json', 720],
  ])('reads the real recording %s', async (file, count) => {
    const parsed = parseRrwebRecording(await sharedRecording(file));
    expect(parsed.items).toHaveLength(count);
    expect(parsed.dropped).toBe(0);
  });
});
