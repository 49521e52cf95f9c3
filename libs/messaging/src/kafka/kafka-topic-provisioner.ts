import { Admin } from 'kafkajs';
import { errorMessage } from '@sift/errors';
import { MessagingLogger, TopicSpec } from '../transport/transport.types';

/**
 * Creates missing topics with the configured partition count. Several services start at once and race
 * to create the same topics: losing that race is normal and logged as such. Brokers that refuse
 * CreateTopics (locked-down ACLs, librdkafka's mock cluster) get one clear line instead of a crash: there
 * the topics must be provisioned by whoever runs the broker.
 */
export async function provisionTopics(
  admin: Admin,
  specs: readonly TopicSpec[],
  logger: MessagingLogger,
): Promise<void> {
  const missing = await missingTopics(admin, specs);
  if (missing.length === 0) return;
  try {
    // createTopics resolves false when every topic already existed (another service created them).
    const created = await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((spec) => ({ topic: spec.topic, numPartitions: spec.partitions })),
    });
    if (created) logger.log(`created topics ${missing.map((s) => `${s.topic}(${s.partitions})`).join(', ')}`);
    else logger.log(`topics ${missing.map((s) => s.topic).join(', ')} were created by another service`);
  } catch (error) {
    const stillMissing = await missingTopics(admin, specs).catch(() => missing);
    if (stillMissing.length === 0) {
      logger.log(`topics ${missing.map((s) => s.topic).join(', ')} were created by another service`);
      return;
    }
    logger.warn(
      `could not create topics ${stillMissing.map((s) => s.topic).join(', ')}: ${errorMessage(error)}; ` +
        'they must be provisioned on the broker (or come from auto-creation with its default partition count)',
    );
  }
}

async function missingTopics(admin: Admin, specs: readonly TopicSpec[]): Promise<TopicSpec[]> {
  const existing = new Set(await admin.listTopics());
  return specs.filter((spec) => !existing.has(spec.topic));
}
