import { Admin } from 'kafkajs';
import { errorMessage } from '@sift/errors';
import { MessagingLogger, TopicSpec } from '../transport/transport.types';

/**
 * Creates missing topics with the configured partition count. Brokers that refuse CreateTopics (managed
 * clusters with locked-down ACLs, librdkafka's mock cluster) get one clear log line instead of a crash:
 * there the topics must be provisioned by whoever runs the broker.
 */
export async function provisionTopics(
  admin: Admin,
  specs: readonly TopicSpec[],
  logger: MessagingLogger,
): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !existing.has(spec.topic));
  if (missing.length === 0) return;
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((spec) => ({ topic: spec.topic, numPartitions: spec.partitions })),
    });
    logger.log(`created topics ${missing.map((s) => `${s.topic}(${s.partitions})`).join(', ')}`);
  } catch (error) {
    logger.warn(
      `could not create topics ${missing.map((s) => s.topic).join(', ')}: ${errorMessage(error)}; ` +
        'they must be provisioned on the broker (or come from auto-creation with its default partition count)',
    );
  }
}
