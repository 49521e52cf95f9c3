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

/** What a handler knows about the delivery it is working on. */
export interface DeliveryControls {
  /**
   * Fires when the delivery is void: the partition was revoked (its next owner delivers the message
   * again) or the consumer is stopping. Long work should stop and throw; work that finishes anyway is
   * still committed when the partition is still ours.
   */
  readonly signal: AbortSignal;
}

/**
 * Resolving commits the message (at-least-once: the offset only moves after the handler succeeded);
 * rejecting makes the transport deliver the same message again later. Partitions are delivered
 * independently: a slow message holds back only the messages after it on its own partition.
 */
export type RawMessageHandler = (message: RawMessage, controls: DeliveryControls) => Promise<void>;

export interface OutgoingMessage {
  /** Messages with one key go to one partition and keep their order. */
  readonly key: string;
  readonly value: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Where a group that has no committed offset for a partition starts reading it. */
export type StartPosition = 'earliest' | 'latest';

export interface SubscribeOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Per topic; `earliest` for topics not named. */
  readonly startAt?: Readonly<Record<string, StartPosition>>;
}

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
}

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** Whether a consumer is doing its job, for `/ready`. */
export interface ConsumerHealth {
  readonly healthy: boolean;
  /** `consuming`, or why not: rebalancing, no contact with the brokers since ..., crashed: ... */
  readonly reason: string;
}

/** How far a consumer group has read one partition. */
export interface PartitionProgress {
  readonly topic: string;
  readonly partition: number;
  /** The offset the next message written to the partition gets. */
  readonly endOffset: number;
  /** The group's committed offset: everything below it was handled. */
  readonly committedOffset: number;
}

export interface ConsumerHandle {
  /** The partitions this member owns right now (empty while a rebalance is under way). */
  assignment(): readonly TopicPartition[];
  health(): ConsumerHealth;
  /** Calls `listener` once if the consumer stops for good on its own (not through `stop`). */
  onFailure(listener: (error: unknown) => void): void;
  /** Stops fetching, lets in-flight handlers finish, commits, and leaves the group. */
  stop(): Promise<void>;
}

/** The seam between Sift and a broker: Kafka in production, in memory for the embedded mode. */
export interface MessageTransport {
  readonly kind: 'kafka' | 'memory';
  ensureTopics(specs: readonly TopicSpec[]): Promise<void>;
  send(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions, handler: RawMessageHandler): Promise<ConsumerHandle>;
  /** Where `groupId` stands on the partition `key` goes to: how many messages it has not handled yet. */
  progress(groupId: string, topic: string, key: string): Promise<PartitionProgress>;
  /** Disconnects producers and stops every consumer still running. */
  close(): Promise<void>;
}

export interface MessagingLogger {
  debug(message: string): void;
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
