// Settings for running several feed nodes behind a load balancer, read from the environment. Unset, the
// server is the single-process demo: SQLite, no Redis, long-polling and websocket.
import { hostname } from 'node:os';
import { readEnvInteger } from '../env-integer';

export type SocketTransport = 'polling' | 'websocket';

export interface ScaleConfig {
  /** `DATABASE_URL=postgres://…`: shared PostgreSQL storage instead of the SQLite file. */
  databaseUrl: string | undefined;
  /** Connections each node keeps to PostgreSQL (`SETVISIT_DB_POOL`). */
  databasePoolSize: number;
  /** `REDIS_URL=redis://…`: socket.io broadcasts, connection recovery and shared rate limits across nodes. */
  redisUrl: string | undefined;
  /**
   * `SETVISIT_TRANSPORTS=websocket`: refuse long-polling, so a load balancer needs no sticky sessions
   * (each connection is one TCP stream to one node). Default: polling and websocket.
   */
  transports: SocketTransport[];
  /** Names this node in logs and metrics (`SETVISIT_NODE_ID`, default: host name and pid). */
  nodeId: string;
  /** Graceful shutdown: how long readiness reports "draining" before sockets are closed (`SETVISIT_DRAIN_GRACE_MS`). */
  drainGraceMs: number;
  /** Graceful shutdown: over how long the sockets are closed, so they do not all reconnect at once (`SETVISIT_DRAIN_MS`). */
  drainMs: number;
}

export const DEFAULT_SCALE = {
  databasePoolSize: 10,
  transports: ['polling', 'websocket'] as SocketTransport[],
  // Behind a load balancer (REDIS_URL set): one checking readiness every 2 s, 2 failures to mark a node down,
  // needs about 4 s. A single node has nowhere to send its clients, so it closes at once.
  drainGraceMs: { withRedis: 5_000, alone: 0 },
  drainMs: { withRedis: 10_000, alone: 0 },
};

/** Throws with the variable's name when a value is unusable. */
export function readScaleEnvironment(env: NodeJS.ProcessEnv): ScaleConfig {
  const url = (name: string, protocols: string[]): string | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new Error(`${name} must be a URL (${protocols.map((p) => `${p}//…`).join(' or ')}), got something else`);
    }
    // The value may hold a password: never echo it.
    if (!protocols.includes(parsed.protocol)) throw new Error(`${name} must start with ${protocols.join(' or ')}, got "${parsed.protocol}"`);
    return raw;
  };
  const integer = (name: string, fallback: number, min: number, max: number) => readEnvInteger(env, name, fallback, min, max);
  const transports = (env.SETVISIT_TRANSPORTS ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  const unknown = transports.filter((t) => t !== 'polling' && t !== 'websocket');
  if (unknown.length) throw new Error(`SETVISIT_TRANSPORTS must list polling and/or websocket, got "${unknown.join(',')}"`);
  const redisUrl = url('REDIS_URL', ['redis:', 'rediss:']);
  const together = redisUrl ? 'withRedis' : 'alone';
  return {
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePoolSize: integer('SETVISIT_DB_POOL', DEFAULT_SCALE.databasePoolSize, 1, 1000),
    redisUrl,
    transports: transports.length ? (transports as SocketTransport[]) : DEFAULT_SCALE.transports,
    nodeId: env.SETVISIT_NODE_ID || `${hostname()}-${process.pid}`,
    drainGraceMs: integer('SETVISIT_DRAIN_GRACE_MS', DEFAULT_SCALE.drainGraceMs[together], 0, 600_000),
    drainMs: integer('SETVISIT_DRAIN_MS', DEFAULT_SCALE.drainMs[together], 0, 600_000),
  };
}
