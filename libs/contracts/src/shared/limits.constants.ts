/** Kafka's default `message.max.bytes`; every Sift message must stay far below it (large payloads go by reference). */
export const KAFKA_DEFAULT_MAX_MESSAGE_BYTES = 1_048_576;

/** The longest a batch may ask the aggregator to wait for its sessions (`deadlineSeconds`). */
export const MAX_REPORT_DEADLINE_SECONDS = 7 * 24 * 3600;

/** Most sessions one batch manifest may list. */
export const MAX_SESSIONS_PER_BATCH = 20_000;
