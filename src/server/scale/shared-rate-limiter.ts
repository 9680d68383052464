// Rate limits that hold per caller across every node: one token bucket per key in Redis, updated atomically
// by a script using Redis' own clock, so nodes with skewed clocks agree. Same buckets as rate-limiter.ts
// (a steady rate and a burst); without Redis the in-process limiter stands behind the same interface.
import { RateLimiter, type RateLimit } from '../rate-limiter';
import { REDIS_PREFIX, type RedisClient } from './redis-link';

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Async because a shared limiter asks Redis; the in-process one answers at once. */
export interface SharedRateLimiter {
  take(key: string): Promise<RateDecision>;
}

export function localRateLimiter(limit: RateLimit): SharedRateLimiter {
  const limiter = new RateLimiter(limit);
  return { take: (key) => Promise.resolve(limiter.take(key)) };
}

// KEYS[1] bucket; ARGV rate per second, burst. Returns {1, 0} or {0, seconds to wait}.
const TOKEN_BUCKET = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(bucket[1]) or burst
local at = tonumber(bucket[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) / 1000 * rate)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
if allowed == 1 then return {1, 0} end
return {0, math.ceil((1 - tokens) / rate)}
`;

export interface RedisRateLimiterOptions {
  /** Names the limit, so two limits on the same caller do not share a bucket ("meetup-react"). */
  name: string;
  limit: RateLimit;
  /** Called when Redis fails; the caller is then limited by this node alone until Redis answers again. */
  onError?: (err: unknown) => void;
}

export class RedisRateLimiter implements SharedRateLimiter {
  private readonly fallback: RateLimiter;

  constructor(
    private readonly client: RedisClient,
    private readonly options: RedisRateLimiterOptions,
  ) {
    this.fallback = new RateLimiter(options.limit);
  }

  async take(key: string): Promise<RateDecision> {
    try {
      const reply = (await this.client.eval(TOKEN_BUCKET, {
        keys: [`${REDIS_PREFIX}rate:${this.options.name}:${key}`],
        arguments: [String(this.options.limit.perSecond), String(this.options.limit.burst)],
      })) as [number, number];
      return reply[0] === 1 ? { ok: true } : { ok: false, retryAfterSeconds: Math.max(1, reply[1]) };
    } catch (err) {
      // Neither refuse everyone nor allow everything while Redis is away: each node keeps its own bucket.
      this.options.onError?.(err);
      return this.fallback.take(key);
    }
  }
}
