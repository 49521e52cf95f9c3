import { Logger } from '@nestjs/common';
import { MessagingLogger } from '@sift/messaging';

/** Warnings and errors reach stderr; the CLI's own output stays clean. */
export function cliLogger(context: string): MessagingLogger {
  const logger = new Logger(context);
  return {
    debug: () => undefined,
    log: () => undefined,
    warn: (m) => logger.warn(m),
    error: (m) => logger.error(m),
  };
}
