// Tools for fault-injection tests: seeded randomness (a failing run can be replayed) and an idempotent poster
// that keeps retrying the same request through server crashes.
import { readdirSync, readFileSync } from 'node:fs';
import { OPERATOR_TOKEN, PROJECT_ID } from './test-server';

/** A source of numbers in [0, 1). */
export type Random = () => number;

/** mulberry32: tiny and deterministic, enough to pick victims, delays and crash moments reproducibly. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An integer from `min` to `max`, both included. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface RetryPolicy {
  /** Gives up (throws) after this many attempts. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** One attempt may not hang longer than this (a half-dead server must not stall the test). */
  attemptTimeoutMs: number;
  /** Checked before each attempt: the test is over, stop quietly. */
  cancelled: () => boolean;
}

export interface PostOutcome {
  /** What the server answered with its 201: the stored milestone. */
  seq: number;
  id: string;
  attempts: number;
  /** The answer carried `idempotent-replayed: true`: an earlier attempt had been stored. */
  replayed: boolean;
  /** Why the earlier attempts failed, e.g. "fetch failed (ECONNREFUSED)" or "HTTP 503". */
  failures: string[];
}

export class PostCancelled extends Error {}

/**
 * POSTs one milestone with an Idempotency-Key and retries the very same request (same key, same body) on
 * network errors, timeouts, 5xx and 429 with capped exponential backoff and jitter, until a 201.
 * Any other status is a test failure, not something to retry.
 */
export async function postMilestoneIdempotently(baseUrl: string, body: unknown, key: string, policy: RetryPolicy, random: Random): Promise<PostOutcome> {
  const text = JSON.stringify(body);
  const failures: string[] = [];
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    if (policy.cancelled()) throw new PostCancelled(`cancelled: ${key}`);
    try {
      const res = await fetch(`${baseUrl}/api/projects/${PROJECT_ID}/milestones`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${OPERATOR_TOKEN}`, 'idempotency-key': key },
        body: text,
        signal: AbortSignal.timeout(policy.attemptTimeoutMs),
      });
      // Read the whole body inside the try: the server may die between the status line and the body.
      const answer = await res.text();
      if (res.status === 201) {
        const milestone = JSON.parse(answer) as { seq: number; id: string };
        return { seq: milestone.seq, id: milestone.id, attempts: attempt, replayed: res.headers.get('idempotent-replayed') === 'true', failures };
      }
      if (res.status < 500 && res.status !== 429) throw new Error(`POST ${key}: unexpected HTTP ${res.status}: ${answer}`);
      failures.push(`HTTP ${res.status}`);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith(`POST ${key}:`)) throw err;
      failures.push(describeFailure(err));
    }
    const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    await sleep(backoff / 2 + random() * (backoff / 2));
  }
  throw new Error(`POST ${key}: no 201 after ${policy.maxAttempts} attempts: ${failures.slice(-5).join('; ')}`);
}

function describeFailure(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause as { code?: string } | undefined;
  return cause?.code ? `${err.message} (${cause.code})` : `${err.name}: ${err.message}`;
}

/**
 * SIGKILLs this process's children whose environment mentions `dataDir` (e.g. a server start that timed out,
 * which startServerProcess leaves running). Linux only (/proc); elsewhere a no-op. Returns the pids killed.
 */
export function killStrayServers(dataDir: string): number[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const killed: number[] = [];
  for (const pid of pids) {
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; the command name (field 2) may hold spaces, so split after it.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      if (!readFileSync(`/proc/${pid}/environ`, 'utf8').includes(dataDir)) continue;
      process.kill(Number(pid), 'SIGKILL');
      killed.push(Number(pid));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return killed;
}
