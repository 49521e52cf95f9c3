import { batchesTopic } from '../messages/batch.message';
import { clipsTopic } from '../messages/clip.message';
import { dlqTopic } from '../messages/dlq.message';
import { momentsTopic } from '../messages/moment.message';
import { patternJobsTopic } from '../messages/pattern-job.message';
import { patternResultsTopic } from '../messages/pattern-result.message';
import { reportProgressTopic } from '../messages/report-progress.message';
import { reportsTopic } from '../messages/report.message';
import { sessionJobsTopic } from '../messages/session-job.message';
import { sessionResultsTopic } from '../messages/session-result.message';

/** Every Sift topic, in pipeline order (DESIGN §1). */
export const ALL_TOPICS = [
  batchesTopic,
  sessionJobsTopic,
  momentsTopic,
  clipsTopic,
  sessionResultsTopic,
  patternJobsTopic,
  patternResultsTopic,
  reportsTopic,
  reportProgressTopic,
  dlqTopic,
] as const;

/** Any Sift topic descriptor. */
export type SiftTopic = (typeof ALL_TOPICS)[number];
/** The name of a Sift topic: `'sift.batches.v1' | 'sift.session-jobs.v1' | ...`. */
export type TopicName = SiftTopic['topic'];
/** The descriptor of the topic with name `N`. */
export type TopicByName<N extends TopicName> = Extract<SiftTopic, { topic: N }>;

/** Every Sift topic name, in pipeline order. */
export const TOPIC_NAMES: readonly TopicName[] = ALL_TOPICS.map((descriptor) => descriptor.topic);

const byName = new Map<string, SiftTopic>(ALL_TOPICS.map((descriptor) => [descriptor.topic, descriptor]));

/** True for the name of a Sift topic. */
export function isTopicName(name: string): name is TopicName {
  return byName.has(name);
}

/** The descriptor of a topic by name; `undefined` for a name that is not a Sift topic. */
export function topicByName<N extends TopicName>(name: N): TopicByName<N>;
export function topicByName(name: string): SiftTopic | undefined;
export function topicByName(name: string): SiftTopic | undefined {
  return byName.get(name);
}
