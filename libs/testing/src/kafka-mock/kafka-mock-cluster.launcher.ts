import { LineCommandChannel } from '../process/line-command.channel';
import { ManagedProcess } from '../process/managed-process';
import { kafkaMockBinary } from './kafka-mock-binary.compiler';
import { errorMessage } from '@sift/errors';

/** A topic the mock cluster creates before it reports its bootstrap servers. */
export interface KafkaTopicSpec {
  name: string;
  partitions: number;
}

/** Options of {@link startKafkaMock}. */
export interface KafkaMockOptions {
  /** Number of brokers, 1..3 (default 1). Broker ids are 1..brokers. */
  brokers?: number;
  /** Topics to create up front; replication is min(3, brokers). */
  topics?: KafkaTopicSpec[];
}

/** A running librdkafka mock cluster, owned by one launcher process. */
export interface KafkaMockCluster {
  /** Comma-separated `127.0.0.1:port` list, one per broker. */
  readonly bootstrapServers: string;
  /** {@link KafkaMockCluster.bootstrapServers}, split (what kafkajs' `brokers` option takes). */
  readonly brokers: string[];
  readonly pid: number;
  /** Creates a topic (kafkajs' CreateTopics is not supported by the mock). Rejects if it exists. */
  createTopic(name: string, partitions: number): Promise<void>;
  /** Disconnects broker `brokerId` (1-based) and refuses new connections; partition leaders do not move. */
  brokerDown(brokerId: number): Promise<void>;
  /** Lets broker `brokerId` accept connections again. */
  brokerUp(brokerId: number): Promise<void>;
  /** Makes the next `count` requests of Kafka API `apiKey` (e.g. 12 = Heartbeat) fail with `errorCode`. */
  failRequests(apiKey: number, errorCode: number, count: number): Promise<void>;
  /** Ends the launcher (SIGKILL if it does not exit in time) and waits until its PID is gone. */
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 15_000;
const COMMAND_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 5_000;
const TOPIC_NAME = /^[A-Za-z0-9._-]{1,249}$/;

/**
 * Starts a librdkafka mock cluster (compiling its small C launcher on first use) and resolves once it
 * accepts connections with the requested topics in place. The launcher exits when the test process does.
 */
export async function startKafkaMock(options: KafkaMockOptions = {}): Promise<KafkaMockCluster> {
  const brokerCount = options.brokers ?? 1;
  if (!Number.isInteger(brokerCount) || brokerCount < 1 || brokerCount > 3) {
    throw new Error(`startKafkaMock: brokers must be 1, 2 or 3, got ${brokerCount}`);
  }
  const topics = options.topics ?? [];
  topics.forEach((topic) => assertTopic(topic.name, topic.partitions));

  const binary = await kafkaMockBinary();
  const args = ['--brokers', String(brokerCount)];
  for (const topic of topics) {
    args.push('--topic', `${topic.name}:${topic.partitions}`);
  }
  const launcher = await ManagedProcess.start(binary, args, { stdout: 'pipe' });
  const channel = new LineCommandChannel(launcher);

  let banner: string;
  try {
    banner = await channel.readLine(STARTUP_TIMEOUT_MS, 'BOOTSTRAP line');
  } catch (error) {
    await launcher.terminate('SIGKILL');
    throw new Error(`startKafkaMock: the mock cluster did not start: ${errorMessage(error)}`);
  }
  const match = /^BOOTSTRAP (\S+)$/.exec(banner);
  if (!match) {
    await launcher.terminate('SIGKILL');
    throw new Error(`startKafkaMock: unexpected first line "${banner}"; ${launcher.describe()}`);
  }
  return new LaunchedKafkaMockCluster(match[1], launcher, channel, brokerCount);
}

class LaunchedKafkaMockCluster implements KafkaMockCluster {
  readonly brokers: string[];
  readonly pid: number;
  private stopping: Promise<void> | undefined;

  constructor(
    readonly bootstrapServers: string,
    private readonly launcher: ManagedProcess,
    private readonly channel: LineCommandChannel,
    private readonly brokerCount: number,
  ) {
    this.brokers = bootstrapServers.split(',');
    this.pid = launcher.pid;
  }

  async createTopic(name: string, partitions: number): Promise<void> {
    assertTopic(name, partitions);
    await this.command(`topic ${name} ${partitions}`);
  }

  async brokerDown(brokerId: number): Promise<void> {
    this.assertBroker(brokerId);
    await this.command(`down ${brokerId}`);
  }

  async brokerUp(brokerId: number): Promise<void> {
    this.assertBroker(brokerId);
    await this.command(`up ${brokerId}`);
  }

  async failRequests(apiKey: number, errorCode: number, count: number): Promise<void> {
    await this.command(`errors ${apiKey} ${errorCode}x${count}`);
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutDown();
    return this.stopping;
  }

  private async shutDown(): Promise<void> {
    if (!this.launcher.hasExited) {
      // quit, then EOF: either ends the launcher at once.
      this.launcher.child.stdin?.end('quit\n');
    }
    await this.launcher.waitForExit(STOP_GRACE_MS);
  }

  private async command(command: string): Promise<string> {
    if (this.stopping) {
      throw new Error(`kafka mock: "${command}" after stop()`);
    }
    const reply = await this.channel.request(command, COMMAND_TIMEOUT_MS);
    if (!reply.startsWith('OK')) {
      throw new Error(`kafka mock: "${command}" failed: ${reply.replace(/^ERR /, '')}`);
    }
    return reply;
  }

  private assertBroker(brokerId: number): void {
    if (!Number.isInteger(brokerId) || brokerId < 1 || brokerId > this.brokerCount) {
      throw new Error(`kafka mock: broker ids are 1..${this.brokerCount}, got ${brokerId}`);
    }
  }
}

function assertTopic(name: string, partitions: number): void {
  if (!TOPIC_NAME.test(name)) {
    throw new Error(`kafka mock: invalid topic name "${name}"`);
  }
  if (!Number.isInteger(partitions) || partitions < 1) {
    throw new Error(`kafka mock: topic ${name} needs a positive integer partition count, got ${partitions}`);
  }
}
