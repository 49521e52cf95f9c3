export { freePort } from './net/free-port';
export { startRedis, type RedisServerHandle } from './redis/redis-server.launcher';
export {
  startKafkaMock,
  type KafkaMockCluster,
  type KafkaTopicSpec,
} from './kafka-mock/kafka-mock-cluster.launcher';
export { waitUntil } from './wait/wait-until';
export { REAL_RECORDINGS_DIR, realRecordingSessions } from './recordings/real-recordings';
