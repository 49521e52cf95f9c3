/**
 * KafkaGroupMember against a scripted kafkajs Consumer (events, pause/resume and commitOffsets recorded),
 * so each interleaving of handlers, rebalances, crashes and stops is exact.
 */
import { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConsumerLiveness } from './consumer-liveness';
import { KafkaGroupMember } from './kafka-group-member';
import { DeliveryControls, RawMessage } from '../transport/transport.types';

jest.setTimeout(20_000);

const T = 'sift.member.v1';
const EVENTS = {
  GROUP_JOIN: 'consumer.group_join',
  REBALANCING: 'consumer.rebalancing',
  HEARTBEAT: 'consumer.heartbeat',
  COMMIT_OFFSETS: 'consumer.commit_offsets',
  CRASH: 'consumer.crash',
};
const quiet = { debug: () => undefined, log: () => undefined, warn: () => undefined, error: () => undefined };

function fakeConsumer() {
  const listeners = new Map<string, Array<(e: { payload: unknown }) => void>>();
  const commits: Array<{ topic: string; partition: number; offset: string }> = [];
  const fake = {
    events: EVENTS,
    commits,
    failCommits: false,
    disconnected: false,
    on(event: string, listener: (e: { payload: unknown }) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    emit(event: string, payload: unknown) {
      (listeners.get(event) ?? []).forEach((l) => l({ payload }));
    },
    pause: () => undefined,
    resume: () => undefined,
    async commitOffsets(offsets: Array<{ topic: string; partition: number; offset: string }>) {
      if (fake.failCommits) throw new Error('The coordinator is not available');
      commits.push(...offsets);
    },
    async disconnect() {
      fake.disconnected = true;
    },
  };
  return fake;
}

const msg = (offset: number): KafkaMessage =>
  ({
    offset: String(offset),
    key: Buffer.from('k'),
    value: Buffer.from('{}'),
    headers: {},
    timestamp: '0',
  }) as KafkaMessage;

function batch(partition: number, offsets: number[]): EachBatchPayload {
  return {
    batch: { topic: T, partition, messages: offsets.map(msg), isEmpty: () => offsets.length === 0 },
    pause: () => () => undefined,
    isStale: () => false,
  } as unknown as EachBatchPayload;
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function setUp(handler: (m: RawMessage, c: DeliveryControls) => Promise<void>) {
  const consumer = fakeConsumer();
  const member = new KafkaGroupMember(
    consumer as unknown as Consumer,
    handler,
    new ConsumerLiveness(60_000),
    quiet,
  );
  const join = (partitions: number[]) =>
    consumer.emit(EVENTS.GROUP_JOIN, { memberAssignment: partitions.length ? { [T]: partitions } : {} });
  return { consumer, member, join, handle: member.handle() };
}

describe('KafkaGroupMember', () => {
  it('does not commit, after the partition came back, an offset its revoked worker handled meanwhile (moves the group back)', async () => {
    const first = deferred();
    const { consumer, member, join } = setUp(async (m) => {
      if (m.offset === '0') await first.promise; // a slow handler that finishes although revoked
    });
    join([0]);
    await member.eachBatch(batch(0, [0]));
    await sleep(10); // offset 0 is in flight
    join([]); // partition 0 moves to member B, who reads on from the committed offset and commits, say, 50
    first.resolve(); // the revoked worker finishes offset 0 now
    await sleep(50);
    const before = consumer.commits.length;
    join([0]); // partition 0 comes back to this member
    await sleep(50);
    // Committing offset 1 now would move the group's offset back behind what the new owner handled.
    expect(consumer.commits.slice(before)).toEqual([]);
  });

  it('stop() settles when commits keep failing', async () => {
    const { consumer, member, join, handle } = setUp(async () => undefined);
    join([0]);
    await member.eachBatch(batch(0, [0]));
    consumer.failCommits = true; // e.g. the coordinator is down at shutdown, or kafkajs crashed for good
    await sleep(50);
    const stopped = handle.stop().then(() => 'stopped');
    const outcome = await Promise.race([stopped, sleep(3_000).then(() => 'still stopping after 3 s')]);
    consumer.failCommits = false; // let the committer loop end so jest can exit
    await stopped;
    expect(outcome).toBe('stopped');
  });

  it('stop() waits for the handler of a partition revoked just before, then disconnects', async () => {
    let running = 0;
    const { consumer, member, join, handle } = setUp(async () => {
      running += 1;
      await sleep(300); // work that finishes although its partition was revoked
      running -= 1;
    });
    join([0, 1]);
    await member.eachBatch(batch(0, [0]));
    await sleep(10);
    join([1]); // partition 0 revoked while its handler runs
    await handle.stop();
    expect({ running, disconnected: consumer.disconnected }).toEqual({ running: 0, disconnected: true });
  });

  it('after kafkajs crashed (it left the group) no further queued message of its partitions starts', async () => {
    const gate = deferred();
    const started: string[] = [];
    const { consumer, member, join } = setUp(async (m) => {
      started.push(m.offset);
      if (m.offset === '0') await gate.promise;
    });
    join([0]);
    await member.eachBatch(batch(0, [0, 1, 2]));
    await sleep(10);
    // kafkajs: onCrash -> disconnect() -> LeaveGroup; the coordinator hands partition 0 to another member.
    consumer.emit(EVENTS.CRASH, { error: new Error('KafkaJSNumberOfRetriesExceeded'), restart: true });
    gate.resolve();
    await sleep(50);
    expect(started).toEqual(['0']);
  });

  it('does not start work on a batch of a partition it is not assigned', async () => {
    const started: string[] = [];
    const { member, join } = setUp(async (m) => void started.push(`${m.partition}@${m.offset}`));
    join([1]);
    await member.eachBatch(batch(0, [7])); // a batch fetched before the join that moved partition 0 away
    await sleep(20);
    expect(started).toEqual([]);
  });
});
