import { ServiceName, TopicName, TOPOLOGY } from '@sift/contracts';
import { TopicSpec } from '@sift/messaging';

/** Every topic a service touches, so it can provision them before it consumes or publishes. */
export function serviceTopicSpecs(service: ServiceName, partitions: number): TopicSpec[] {
  const { consumes, produces } = TOPOLOGY[service];
  const topics = new Set<TopicName>([...consumes, ...produces]);
  return [...topics].map((topic) => ({ topic, partitions }));
}
