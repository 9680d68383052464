// Which failed attempts are worth repeating and how long to wait first: network errors, 5xx and 429, with
// exponential backoff and jitter, or exactly what the server's Retry-After asks for.

export const MAX_ATTEMPTS = 5;
const BASE_DELAY_MS = 250;
const MAX_BACKOFF_MS = 8_000;
/** A Retry-After beyond this means "come back later", not "wait a moment": give up and say so. */
export const MAX_RETRY_AFTER_MS = 60_000;

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * The wait before attempt `attempt + 1`. Jitter (±50 %) keeps several operators' scripts that failed
 * together from retrying together.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  return Math.round(base * (0.5 + random()));
}

/** Retry-After as milliseconds: either delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
