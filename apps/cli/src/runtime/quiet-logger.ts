import { Logger } from '@nestjs/common';
import { MessagingLogger } from '@sift/messaging';

/**
 * Warnings and errors reach stderr; the CLI's own output stays clean. kafkajs logs every connection
 * retry as an error; the CLI reports the final failure itself, so those lines show only with SIFT_DEBUG.
 */
export function cliLogger(context: string, env: NodeJS.ProcessEnv = process.env): MessagingLogger {
  const logger = new Logger(context);
  const shown = (line: string): boolean => Boolean(env.SIFT_DEBUG) || !line.startsWith('[kafkajs');
  return {
    debug: () => undefined,
    log: () => undefined,
    warn: (line) => {
      if (shown(line)) logger.warn(line);
    },
    error: (line) => {
      if (shown(line)) logger.error(line);
    },
  };
}
