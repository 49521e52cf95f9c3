import type { PosthogException } from '@sift/contracts';
import { isRecord } from '../parse/validate-items.util';

/** The rrweb console plugin's name in Plugin events (type 6). */
export const RRWEB_CONSOLE_PLUGIN = 'rrweb/console@1';

const ERROR_PREFIX = /^(?:Uncaught (?:\(in promise\) )?)?([A-Z][A-Za-z]*(?:Error|Exception)):\s*([\s\S]*)$/;

/**
 * The exception a console-plugin event records, when its level is `error`: `Uncaught TypeError: x` becomes
 * `{type: 'TypeError', value: 'x'}`, any other console.error text `{type: 'Error', value: text}`.
 */
export function consoleException(data: unknown): PosthogException | undefined {
  if (!isRecord(data) || data['plugin'] !== RRWEB_CONSOLE_PLUGIN || !isRecord(data['payload']))
    return undefined;
  const { level, payload } = data['payload'];
  if (level !== 'error') return undefined;
  const message = (Array.isArray(payload) ? payload : [payload])
    .map(argumentText)
    .filter((text) => text !== '')
    .join(' ')
    .trim();
  const match = ERROR_PREFIX.exec(message);
  const uncaught = message.startsWith('Uncaught');
  return {
    type: match?.[1] ?? 'Error',
    value: (match?.[2] ?? message) || 'console.error without a message',
    mechanism: { handled: !uncaught, synthetic: false, type: uncaught ? 'onerror' : 'console' },
  };
}

// The console plugin stores each argument JSON-stringified, so a string argument arrives quoted.
function argumentText(argument: unknown): string {
  if (typeof argument !== 'string') return argument === undefined ? '' : JSON.stringify(argument);
  try {
    const parsed: unknown = JSON.parse(argument);
    return typeof parsed === 'string' ? parsed : argument;
  } catch {
    return argument;
  }
}
