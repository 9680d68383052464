// The HTTP API's rate limits. Every API request is counted against its client address before anything else
// is done with it (no token looked at, no body read), so a bad token costs a request like a good one and
// tokens cannot be probed faster than the limit; an operator's changes also count against the operator's
// own allowance, whichever address they come from. With Redis the buckets are shared by every node
// (scale/shared-rate-limiter.ts), so a client spreading requests over the nodes gets one allowance, not one each.
import type { IncomingMessage } from 'node:http';
import type { RateLimit } from '../rate-limiter';
import { localRateLimiter, type RateDecision, type SharedRateLimiter } from '../scale/shared-rate-limiter';
import { HttpError } from './http-error';

/** Makes one named limiter; names keep two limits on the same caller in separate buckets. */
export type RateLimiterFactory = (name: string, limit: RateLimit) => SharedRateLimiter;

/** Buckets in this process: the single-node default. */
export const localRateLimiters: RateLimiterFactory = (_name, limit) => localRateLimiter(limit);

export interface HttpRateLimitOptions {
  /** Reads (GET, HEAD) per client address. */
  readRateLimit: RateLimit;
  /** Changes (every other method) per client address, and per operator token once it is known. */
  postRateLimit: RateLimit;
}

export interface HttpRateLimits {
  /** Counts one API request against its address; throws a 429 when the address is over its limit. */
  admit(req: IncomingMessage): Promise<void>;
  /** Counts one change against the operator's allowance (after authentication); throws a 429 when over. */
  operatorChange(callerId: string): Promise<void>;
}

export function createHttpRateLimits(options: HttpRateLimitOptions, limiters: RateLimiterFactory = localRateLimiters): HttpRateLimits {
  const reads = limiters('http-read', options.readRateLimit);
  const changes = limiters('http-change', options.postRateLimit);
  const operators = limiters('http-operator', options.postRateLimit);
  return {
    async admit(req) {
      const address = clientAddress(req);
      const reading = req.method === 'GET' || req.method === 'HEAD';
      refuseOver(await (reading ? reads : changes).take(address));
    },
    async operatorChange(callerId) {
      refuseOver(await operators.take(callerId));
    },
  };
}

/**
 * The TCP peer. A forwarded-for header is not trusted: anyone can send one. Behind a load balancer, every
 * client shares the balancer's address unless it passes the connection through (docs/deploy.md).
 */
export function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

function refuseOver(decision: RateDecision): void {
  if (!decision.ok) throw new HttpError(429, 'rate-limited', 'too many requests; slow down', undefined, { 'retry-after': String(decision.retryAfterSeconds) });
}
