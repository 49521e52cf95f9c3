import { Admin, logLevel } from 'kafkajs';
import { kafkaLogCreator } from './kafka-log-creator.util';
import { provisionTopics } from './kafka-topic-provisioner';

function recordingLogger() {
  const lines: Array<[string, string]> = [];
  const at = (level: string) => (line: string) => void lines.push([level, line]);
  return { lines, logger: { debug: at('debug'), log: at('log'), warn: at('warn'), error: at('error') } };
}

function fakeAdmin(existing: string[][], create: () => Promise<boolean>): Admin {
  let call = 0;
  return {
    listTopics: async () => existing[Math.min(call++, existing.length - 1)],
    createTopics: create,
  } as unknown as Admin;
}

const specs = [{ topic: 'sift.a.v1', partitions: 6 }];

describe('provisionTopics', () => {
  it('says it created the topics only when it did', async () => {
    const { lines, logger } = recordingLogger();
    await provisionTopics(
      fakeAdmin([[]], async () => true),
      specs,
      logger,
    );
    expect(lines).toEqual([['log', 'created topics sift.a.v1(6)']]);
  });

  it('reads losing the race to another service as a normal start', async () => {
    const { lines, logger } = recordingLogger();
    await provisionTopics(
      fakeAdmin([[]], async () => false),
      specs,
      logger,
    );
    const raced = fakeAdmin([[], ['sift.a.v1']], async () =>
      Promise.reject(new Error('Topic creation errors')),
    );
    await provisionTopics(raced, specs, logger);
    expect(lines).toEqual([
      ['log', 'topics sift.a.v1 were created by another service'],
      ['log', 'topics sift.a.v1 were created by another service'],
    ]);
  });

  it('warns once when the broker refuses to create them', async () => {
    const { lines, logger } = recordingLogger();
    const refusing = fakeAdmin([[]], async () => Promise.reject(new Error('Broker 0 not found')));
    await provisionTopics(refusing, specs, logger);
    expect(lines).toEqual([
      ['warn', expect.stringMatching(/^could not create topics sift\.a\.v1: Broker 0 not found; /)],
    ]);
  });
});

describe('kafkaLogCreator', () => {
  it("keeps kafkajs' CreateTopics race out of the error log", () => {
    const { lines, logger } = recordingLogger();
    const log = kafkaLogCreator(logger)(logLevel.ERROR);
    const entry = (message: string, error: string) => ({
      namespace: 'Connection',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: { timestamp: '', logger: 'kafkajs', message, error },
    });
    log(entry('Response CreateTopics(key: 19, version: 3)', 'Topic creation errors'));
    log(entry('Response Fetch(key: 1, version: 11)', 'The coordinator is not available'));
    expect(lines.map(([level]) => level)).toEqual(['debug', 'error']);
  });
});
