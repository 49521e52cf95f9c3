import { StateStoreError } from './state-store.error';
import { errorMessage } from '@sift/errors';

// Server replies that describe a passing condition (loading a dump, failover, a busy script).
const RETRIABLE_REPLIES = ['LOADING', 'BUSY', 'TRYAGAIN', 'CLUSTERDOWN', 'MASTERDOWN', 'READONLY'];

// ioredis types its ReplyError export as `any`, so recognize it by name.
function isReplyError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'ReplyError';
}

/**
 * Maps whatever ioredis rejected with to a {@link StateStoreError} naming the command and the key:
 * server replies are command failures (retriable only for transient states), everything else —
 * connection loss, timeouts, exhausted retries — is `STATE_UNAVAILABLE`.
 */
export function toStateStoreError(command: string, key: string, error: unknown): StateStoreError {
  if (error instanceof StateStoreError) return error;
  const message = `redis ${command} on "${key}" failed: ${errorMessage(error)}`;
  if (!isReplyError(error)) return new StateStoreError('STATE_UNAVAILABLE', message, { cause: error });
  if (error.message.startsWith('WRONGTYPE')) {
    return new StateStoreError('STATE_WRONG_TYPE', message, { cause: error });
  }
  const retriable = RETRIABLE_REPLIES.some((prefix) => error.message.startsWith(prefix));
  return new StateStoreError(retriable ? 'STATE_UNAVAILABLE' : 'STATE_COMMAND_FAILED', message, {
    cause: error,
    retriable,
  });
}
