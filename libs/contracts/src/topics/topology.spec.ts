import { ALL_TOPICS, isTopicName, topicByName, type TopicName } from './all-topics';
import {
  consumersOf,
  EXTERNAL_INPUT_TOPICS,
  EXTERNAL_OUTPUT_TOPICS,
  producersOf,
  SERVICE_NAMES,
  TOPOLOGY,
} from './topology';

const DLQ: TopicName = 'sift.dlq.v1';

describe('TOPOLOGY', () => {
  it('describes each of the six services', () => {
    expect(Object.keys(TOPOLOGY).sort()).toEqual([...SERVICE_NAMES].sort());
  });

  it('only names known topics', () => {
    for (const service of SERVICE_NAMES) {
      for (const name of [...TOPOLOGY[service].consumes, ...TOPOLOGY[service].produces]) {
        expect(isTopicName(name)).toBe(true);
      }
    }
  });

  it('has a producer for every consumed topic, except the external input', () => {
    for (const { topic } of ALL_TOPICS) {
      if (consumersOf(topic).length === 0) continue;
      const external = (EXTERNAL_INPUT_TOPICS as readonly TopicName[]).includes(topic);
      expect({ topic, hasProducer: producersOf(topic).length > 0 }).toEqual({
        topic,
        hasProducer: !external,
      });
    }
  });

  it('has a reader for every produced topic: a service or the outside world', () => {
    for (const { topic } of ALL_TOPICS) {
      if (producersOf(topic).length === 0) continue;
      const external = (EXTERNAL_OUTPUT_TOPICS as readonly TopicName[]).includes(topic);
      expect({ topic, read: consumersOf(topic).length > 0 || external }).toEqual({ topic, read: true });
    }
  });

  it('lets every consumer dead-letter, and nobody consume the DLQ', () => {
    for (const service of SERVICE_NAMES) {
      expect(TOPOLOGY[service].produces).toContain(DLQ);
    }
    expect(consumersOf(DLQ)).toEqual([]);
  });

  it('follows the DESIGN §1 diagram', () => {
    expect(consumersOf('sift.session-jobs.v1')).toEqual(['summarizer']);
    expect(producersOf('sift.session-results.v1')).toEqual(['ingest', 'summarizer', 'validator']);
    expect(producersOf('sift.pattern-jobs.v1')).toEqual(['aggregator']);
    expect(consumersOf('sift.pattern-results.v1')).toEqual(['aggregator']);
    expect(producersOf('sift.report-progress.v1')).toEqual(['aggregator']);
  });

  it('gives each service its own consumer group', () => {
    const groups = SERVICE_NAMES.map((service) => TOPOLOGY[service].consumerGroup);
    expect(new Set(groups).size).toBe(SERVICE_NAMES.length);
  });

  it('keys the summarizer input by session so replicas scale by partition', () => {
    expect(topicByName('sift.session-jobs.v1').keyedBy).toBe('sessionId');
  });
});
