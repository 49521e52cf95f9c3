import { describeFixtureSet } from '../fixtures/fixture-set.test-util';
import { topicFixtures } from '../fixtures/topic.fixtures';
import { ALL_TOPICS, isTopicName, TOPIC_NAMES, topicByName } from './all-topics';
import type { TopicDescriptor } from './topic-descriptor';

const DESIGN_TOPICS = [
  'sift.batches.v1',
  'sift.session-jobs.v1',
  'sift.moments.v1',
  'sift.clips.v1',
  'sift.session-results.v1',
  'sift.pattern-jobs.v1',
  'sift.pattern-results.v1',
  'sift.reports.v1',
  'sift.report-progress.v1',
  'sift.dlq.v1',
];

describe('ALL_TOPICS', () => {
  it('covers exactly the 10 topics of DESIGN §1, with unique names', () => {
    expect([...TOPIC_NAMES].sort()).toEqual([...DESIGN_TOPICS].sort());
    expect(new Set(TOPIC_NAMES).size).toBe(ALL_TOPICS.length);
  });

  it('finds every descriptor by name and nothing else', () => {
    for (const descriptor of ALL_TOPICS) expect(topicByName(descriptor.topic)).toBe(descriptor);
    expect(topicByName('sift.unknown.v1')).toBeUndefined();
    expect(isTopicName('sift.clips.v1')).toBe(true);
    expect(isTopicName('sift.clips.v2')).toBe(false);
  });

  it('gives every topic a key derivation and says what the key is', () => {
    for (const descriptor of ALL_TOPICS) {
      expect(descriptor.keyOf).toEqual(expect.any(Function));
      expect(descriptor.keyedBy).not.toBe('');
    }
  });
});

describe.each(ALL_TOPICS.map((descriptor) => [descriptor.topic, descriptor as TopicDescriptor] as const))(
  'topic %s',
  (name, descriptor) => {
    const fixtures = topicFixtures[name];

    describeFixtureSet('value', descriptor.value, fixtures);

    it.each(fixtures.valid.map((value, index) => [index, value] as const))(
      'the key derived from valid #%i passes the key schema',
      (_index, value) => {
        const key = descriptor.keyOf?.(descriptor.value.parse(value));
        expect(descriptor.key.safeParse(key).success).toBe(true);
      },
    );
  },
);
