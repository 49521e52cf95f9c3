import { ReplyError } from 'ioredis';
import { toStateStoreError } from './redis-error.util';
import { StateStoreError } from './state-store.error';

describe('toStateStoreError', () => {
  it('names the command and key, and keeps the cause', () => {
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:1');
    const error = toStateStoreError('GET', 'k', cause);
    expect(error.message).toBe('redis GET on "k" failed: connect ECONNREFUSED 127.0.0.1:1');
    expect(error).toMatchObject({ code: 'STATE_UNAVAILABLE', retriable: true, cause });
  });

  it('classifies server replies', () => {
    const reply = (message: string): StateStoreError => toStateStoreError('X', 'k', new ReplyError(message));
    expect(reply('WRONGTYPE Operation against a key holding the wrong kind of value')).toMatchObject({
      code: 'STATE_WRONG_TYPE',
      retriable: false,
    });
    expect(reply('ERR value is not an integer or out of range')).toMatchObject({
      code: 'STATE_COMMAND_FAILED',
      retriable: false,
    });
    expect(reply('LOADING Redis is loading the dataset in memory')).toMatchObject({
      code: 'STATE_UNAVAILABLE',
      retriable: true,
    });
  });

  it('passes StateStoreErrors through', () => {
    const original = new StateStoreError('STATE_CLOSED', 'closed');
    expect(toStateStoreError('GET', 'k', original)).toBe(original);
  });
});
