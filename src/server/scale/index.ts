// Scale-out: several feed nodes behind a load balancer, sharing PostgreSQL (storage/postgres-storage.ts) and
// Redis (socket.io Streams adapter, shared rate limits), with health, readiness, metrics and a graceful drain.
// Nothing here runs unless DATABASE_URL / REDIS_URL / SETVISIT_TRANSPORTS ask for it (docs/deploy.md).
export { readScaleEnvironment, DEFAULT_SCALE, type ScaleConfig, type SocketTransport } from './scale-config';
export { connectRedisLink, REDIS_PREFIX, type RedisLink, type RedisClient } from './redis-link';
export { RedisRateLimiter, localRateLimiter, type SharedRateLimiter, type RateDecision } from './shared-rate-limiter';
export { NodeMetrics } from './node-metrics';
export { createOperationsRoutes, type ReadinessCheck } from './operations-routes';
export { NodeDrain } from './drain';
export { attachNodeOperations, openNodeStorage, openRedisLink, type NodeOperations } from './node-runtime';
