// Puts one node's scale-out parts together from its ScaleConfig: which storage engine, whether to join the
// others over Redis, and the operations endpoints, metrics and drain. main.ts calls these; tests can too.
import type { SetVisitServer } from '../create-server';
import type { ServerLog } from '../server-log';
import type { AccessStorage, FeedStorage } from '../storage/feed-storage';
import type { MeetupStorage } from '../storage/meetup-storage';
import type { CircleStorage } from '../storage/circle-storage';
import { PostgresCircleStorage } from '../storage/postgres-circle-storage';
import { SqliteCircleStorage } from '../storage/sqlite-circle-storage';
import type { PairingStorage } from '../storage/pairing-storage';
import { PostgresPairingStorage } from '../storage/postgres-pairing-storage';
import { SqlitePairingStorage } from '../storage/sqlite-pairing-storage';
import { PostgresMeetupStorage } from '../storage/postgres-meetup-storage';
import { PostgresFeedStorage } from '../storage/postgres-storage';
import { SqliteMeetupStorage } from '../storage/sqlite-meetup-storage';
import { SqliteFeedStorage } from '../storage/sqlite-storage';
import type { MeetupRoomState } from '../meetup/room-state';
import { NodeDrain } from './drain';
import type { NodeMetrics } from './node-metrics';
import { createOperationsRoutes, type ReadinessCheck } from './operations-routes';
import { connectRedisLink, type RedisLink } from './redis-link';
import { RedisRoomState } from './redis-room-state';
import { attachSharedMeetupLimits } from './shared-meetup-limits';
import { DEFAULT_MEETUP_LIMITS, type MeetupLimits } from '../meetup/meetup-limits';
import type { ScaleConfig } from './scale-config';
import { observeSocketTraffic } from './socket-traffic';

export type NodeStorage = FeedStorage & AccessStorage;

/** PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export async function openNodeStorage(scale: ScaleConfig, sqliteFile: string, metrics: NodeMetrics, log: ServerLog): Promise<{ storage: NodeStorage; engine: string }> {
  if (!scale.databaseUrl) return { storage: new SqliteFeedStorage(sqliteFile), engine: 'sqlite' };
  const storage = await PostgresFeedStorage.connect({
    connectionString: scale.databaseUrl,
    poolSize: scale.databasePoolSize,
    onError: (err) => {
      metrics.storageErrors++;
      log.warn('database connection failed', { error: err.message });
    },
  });
  metrics.addGauges(() => {
    const pool = storage.poolStats();
    return [
      { name: 'setvisit_db_pool_connections', help: 'PostgreSQL connections open in this node\'s pool.', type: 'gauge', value: pool.total },
      { name: 'setvisit_db_pool_waiting', help: 'Queries waiting for a free PostgreSQL connection.', type: 'gauge', value: pool.waiting },
    ];
  });
  return { storage, engine: 'postgres' };
}

/** Meet-ups beside the feed: in PostgreSQL when DATABASE_URL is set, else in the SQLite file. */
export async function openNodeMeetupStorage(scale: ScaleConfig, sqliteFile: string, metrics: NodeMetrics): Promise<MeetupStorage> {
  if (!scale.databaseUrl) return new SqliteMeetupStorage(sqliteFile);
  return PostgresMeetupStorage.connect({
    connectionString: scale.databaseUrl,
    poolSize: Math.max(2, Math.ceil(scale.databasePoolSize / 2)),
    onError: () => metrics.storageErrors++,
  });
}

/** Circles in the same engine as the rest: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export async function openNodeCircleStorage(scale: ScaleConfig, sqliteFile: string, metrics: NodeMetrics): Promise<CircleStorage> {
  if (!scale.databaseUrl) return new SqliteCircleStorage(sqliteFile);
  return PostgresCircleStorage.connect({ connectionString: scale.databaseUrl, poolSize: 2, onError: () => metrics.storageErrors++ });
}

/** Pairings in the same engine as the rest: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export async function openNodePairingStorage(scale: ScaleConfig, sqliteFile: string, metrics: NodeMetrics): Promise<PairingStorage> {
  if (!scale.databaseUrl) return new SqlitePairingStorage(sqliteFile);
  return PostgresPairingStorage.connect({ connectionString: scale.databaseUrl, poolSize: 2, onError: () => metrics.storageErrors++ });
}

/** With Redis, the meet-up rooms' audience and reaction windows are shared by every node (redis-room-state.ts). */
export function createNodeRoomState(redis: RedisLink | undefined, scale: ScaleConfig, metrics: NodeMetrics): (MeetupRoomState & { close(): Promise<void> }) | undefined {
  if (!redis) return undefined;
  return new RedisRoomState(redis.client, { nodeId: scale.nodeId, onError: () => metrics.redisErrors++ });
}

/** Connects to Redis when REDIS_URL is set; errors after that are counted and logged (at most once a second). */
export async function openRedisLink(scale: ScaleConfig, metrics: NodeMetrics, log: ServerLog): Promise<RedisLink | undefined> {
  if (!scale.redisUrl) return undefined;
  let lastLogged = 0;
  return connectRedisLink({
    url: scale.redisUrl,
    onError: (err) => {
      metrics.redisErrors++;
      if (Date.now() - lastLogged > 1_000) {
        lastLogged = Date.now();
        log.warn('redis error', { error: err.message });
      }
    },
  });
}

export interface NodeOperations {
  readonly metrics: NodeMetrics;
  readonly draining: boolean;
  /** Graceful shutdown (see drain.ts); resolves when the server is closed. */
  drain(): Promise<void>;
}

export function attachNodeOperations(
  server: SetVisitServer,
  parts: { storage: NodeStorage; redis: RedisLink | undefined; scale: ScaleConfig; metrics: NodeMetrics; log: ServerLog; meetupLimits?: Partial<MeetupLimits> },
): NodeOperations {
  const { metrics, redis } = parts;
  const drain = new NodeDrain();
  const checks: ReadinessCheck[] = [
    // A real query on either engine; an unknown project id keeps it cheap.
    { name: 'storage', run: async () => void (await parts.storage.latestSeq('readiness-probe')) },
    ...(redis ? [{ name: 'redis', run: () => redis.ping() }] : []),
  ];
  server.addRoute(createOperationsRoutes({ nodeId: parts.scale.nodeId, metrics, checks, isDraining: () => drain.draining }));
  observeSocketTraffic(server.io, metrics);
  let sharedLimitRefusals = 0;
  if (redis) {
    attachSharedMeetupLimits(server.io, {
      client: redis.client,
      limits: { ...DEFAULT_MEETUP_LIMITS, ...parts.meetupLimits },
      onError: () => metrics.redisErrors++,
      onRefused: () => sharedLimitRefusals++,
    });
  }
  metrics.addGauges(() => [
    { name: 'setvisit_socket_connections', help: 'Sockets connected to this node now.', type: 'gauge', value: server.io.engine.clientsCount },
    { name: 'setvisit_draining', help: '1 while this node drains before shutting down.', type: 'gauge', value: drain.draining ? 1 : 0 },
    { name: 'setvisit_redis_up', help: '1 when the Redis connection is ready (absent without REDIS_URL).', type: 'gauge', value: redis?.client.isReady ? 1 : 0 },
    { name: 'setvisit_feed_rate_limited_total', help: 'Socket messages dropped by the per-socket rate limit.', type: 'counter', value: server.feed.stats.rateLimited },
    { name: 'setvisit_meetup_shared_limit_refusals_total', help: 'Meet-up messages refused by the per-caller limits shared across nodes.', type: 'counter', value: sharedLimitRefusals },
    { name: 'setvisit_feed_rejected_handshakes_total', help: 'Socket handshakes refused (protocol version, token).', type: 'counter', value: server.feed.stats.rejectedHandshakes },
  ]);
  return {
    metrics,
    get draining() {
      return drain.draining;
    },
    drain: () => drain.drain(server, { graceMs: parts.scale.drainGraceMs, drainMs: parts.scale.drainMs, log: parts.log }),
  };
}
