import { logLevel, LogEntry, logCreator } from 'kafkajs';
import { MessagingLogger } from '../transport/transport.types';

/** Routes kafkajs' own log lines into the service logger, one line each. */
export function kafkaLogCreator(logger: MessagingLogger): logCreator {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, ...extra } = log;
      const details = Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : '';
      const line = `[kafkajs ${namespace}] ${message}${details}`;
      if (level === logLevel.ERROR) logger.error(line);
      else if (level === logLevel.WARN) logger.warn(line);
      else if (level === logLevel.INFO) logger.log(line);
      else logger.debug(line);
    };
}
