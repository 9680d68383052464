// The reference server's settings: typed, every default in one place, read from the environment with clear
// errors for values that make no sense.
import { readEnvInteger } from './env-integer';
import type { RateLimit } from './rate-limiter';
import { DEFAULT_MAX_RESUME_EVENTS } from '../protocol';
import { readScaleEnvironment, type ScaleConfig } from './scale/scale-config';

export interface ServerLimits {
  /** Largest HTTP request body. */
  maxBodyBytes: number;
  /** Largest socket.io message a client may send. */
  maxSocketMessageBytes: number;
  /** Posts per operator token. */
  postRateLimit: RateLimit;
  /** API reads per client address. */
  readRateLimit: RateLimit;
  /** Socket handshakes that present a token, per client address, counted before the token is checked. */
  handshakeRateLimit: RateLimit;
  /** Messages per socket. */
  socketRateLimit: RateLimit;
  /** Over-limit messages after which a socket is cut off. */
  maxRateViolations: number;
  /** Events replayed to a resuming client before it gets a snapshot instead. */
  maxResumeEvents: number;
  /** Longest a live session outlives its revoked backer code (each node re-checks its sockets this often). */
  backerRecheckMs: number;
  /** How long socket.io keeps a dropped connection's missed packets for a quick resume. */
  recoveryWindowMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  maxBodyBytes: 16 * 1024,
  maxSocketMessageBytes: 16 * 1024,
  // A platform posting a busy shooting day stays far below this; a runaway script does not.
  postRateLimit: { perSecond: 50, burst: 200 },
  readRateLimit: { perSecond: 50, burst: 200 },
  // Generous: a whole venue behind one address may connect at once; only guessing tokens at scale is stopped.
  handshakeRateLimit: { perSecond: 100, burst: 5_000 },
  socketRateLimit: { perSecond: 5, burst: 20 },
  maxRateViolations: 100,
  maxResumeEvents: DEFAULT_MAX_RESUME_EVENTS,
  recoveryWindowMs: 2 * 60 * 1000,
  // A revocation disconnects at once through the adapter; the re-check only covers a message that got lost.
  backerRecheckMs: 15_000,
};

export const DEFAULT_PORT = 8080;
export const DEFAULT_DATA_FILE = 'data/setvisit.sqlite';

export interface EnvironmentConfig {
  port: number;
  host: string;
  dataFile: string;
  appDir: string;
  operatorToken: string | undefined;
  /** Origins (besides the server's own) whose pages may open the feed; empty: same origin only. */
  allowedOrigins: string[];
  limits: ServerLimits;
  quiet: boolean;
  /** Several nodes: DATABASE_URL, REDIS_URL, SETVISIT_TRANSPORTS, drain timing (src/server/scale). */
  scale: ScaleConfig;
}

/** Reads `PORT`, `HOST`, `SETVISIT_*`; throws with the variable's name when a value is unusable. */
export function readEnvironment(env: NodeJS.ProcessEnv): EnvironmentConfig {
  const integer = (name: string, fallback: number, min: number, max: number) => readEnvInteger(env, name, fallback, min, max);
  const postPerSecond = integer('SETVISIT_POST_RATE', DEFAULT_LIMITS.postRateLimit.perSecond, 1, 100_000);
  return {
    port: integer('PORT', DEFAULT_PORT, 0, 65_535),
    host: env.HOST || '0.0.0.0',
    dataFile: env.SETVISIT_DB || DEFAULT_DATA_FILE,
    appDir: env.SETVISIT_APP_DIR || 'dist',
    operatorToken: env.SETVISIT_OPERATOR_TOKEN || undefined,
    allowedOrigins: (env.SETVISIT_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    limits: {
      ...DEFAULT_LIMITS,
      postRateLimit: { perSecond: postPerSecond, burst: Math.max(DEFAULT_LIMITS.postRateLimit.burst, postPerSecond * 4) },
      maxResumeEvents: integer('SETVISIT_MAX_RESUME_EVENTS', DEFAULT_LIMITS.maxResumeEvents, 0, 1_000_000),
    },
    quiet: env.SETVISIT_QUIET === '1',
    scale: readScaleEnvironment(env),
  };
}
