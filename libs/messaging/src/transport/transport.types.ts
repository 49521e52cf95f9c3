/** One message as it came off a topic, before any decoding. */
export interface RawMessage {
  readonly topic: string;
  readonly partition: number;
  /** Kafka offsets are 64-bit; they travel as decimal strings. */
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly timestamp: string;
}

/** What a handler can do while a message is in flight. */
export interface DeliveryControls {
  /** Tells the group coordinator this member is alive; called automatically during long handlers. */
  heartbeat(): Promise<void>;
}

/**
 * Resolving commits the message (at-least-once: the offset only moves after the handler succeeded);
 * rejecting makes the transport deliver the same message again later.
 */
export type RawMessageHandler = (message: RawMessage, controls: DeliveryControls) => Promise<void>;

export interface OutgoingMessage {
  /** Messages with one key go to one partition and keep their order. */
  readonly key: string;
  readonly value: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface SubscribeOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /** How many partitions this member works on at once; order within a partition is always kept. */
  readonly concurrency: number;
}

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
}

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

export interface ConsumerHandle {
  /** The partitions this member owns right now (empty while a rebalance is under way). */
  assignment(): readonly TopicPartition[];
  /** Stops fetching, lets in-flight handlers finish, commits, and leaves the group. */
  stop(): Promise<void>;
}

/** The seam between Sift and a broker: Kafka in production, in memory for the embedded mode. */
export interface MessageTransport {
  readonly kind: 'kafka' | 'memory';
  ensureTopics(specs: readonly TopicSpec[]): Promise<void>;
  send(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions, handler: RawMessageHandler): Promise<ConsumerHandle>;
  /** Disconnects producers and stops every consumer still running. */
  close(): Promise<void>;
}

export interface MessagingLogger {
  debug(message: string): void;
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
