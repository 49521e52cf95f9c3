import { logLevel, LogEntry, logCreator } from 'kafkajs';
import { MessagingLogger } from '../transport/transport.types';

/**
 * kafkajs logs every failed CreateTopics response at ERROR, also when another service won the race to
 * create the same topic; the provisioner reports the outcome itself, so that line is only debug output.
 */
function isTopicCreationRace({ namespace, log }: LogEntry): boolean {
  return (
    namespace === 'Connection' &&
    log.message.startsWith('Response CreateTopics') &&
    (log as { error?: unknown }).error === 'Topic creation errors'
  );
}

/** Routes kafkajs' own log lines into the service logger, one line each. */
export function kafkaLogCreator(logger: MessagingLogger): logCreator {
  return () => (entry: LogEntry) => {
    const { namespace, level, log } = entry;
    const { message, ...extra } = log;
    const details = Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : '';
    const line = `[kafkajs ${namespace}] ${message}${details}`;
    if (isTopicCreationRace(entry)) logger.debug(line);
    else if (level === logLevel.ERROR) logger.error(line);
    else if (level === logLevel.WARN) logger.warn(line);
    else if (level === logLevel.INFO) logger.log(line);
    else logger.debug(line);
  };
}
