// The reference server's settings: typed, with every default in one place, read from the environment by main.ts.
import type { RateLimit } from './rate-limiter';

export interface ServerLimits {
  /** Largest ingest request body. */
  maxBodyBytes: number;
  /** Largest socket.io message a client may send. */
  maxSocketMessageBytes: number;
  /** Milestone posts per operator token. */
  postRateLimit: RateLimit;
  /** Subscribe requests per socket. */
  subscribeRateLimit: RateLimit;
}

export const DEFAULT_LIMITS: ServerLimits = {
  maxBodyBytes: 16 * 1024,
  maxSocketMessageBytes: 16 * 1024,
  // A platform posting a busy shooting day stays far below this; a runaway script does not.
  postRateLimit: { perSecond: 50, burst: 200 },
  subscribeRateLimit: { perSecond: 2, burst: 10 },
};

export const DEFAULT_PORT = 8080;
export const DEFAULT_DATA_FILE = 'data/setvisit.sqlite';
