// Proves: with 1,000 concurrent idempotent posts, 20 churning clients and two SIGKILL restarts, every client ends with exactly the server's list, each event applied once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedEvent, type Milestone } from '../../src/protocol';
import { ProjectFeed } from '../../src/feed/project-feed';
import { createAppStore, type AppStore } from '../../src/store/app-store';
import { recordingLogger, type RecordingLogger } from '../helpers/feed-client';
import { killServerProcess, startServerProcess, type ServerProcess } from '../helpers/server-process';
import { PROJECT_ID } from '../helpers/test-server';
import { killStrayServers, postMilestoneIdempotently, randomInt, seededRandom, sleep, type PostOutcome } from '../helpers/fault-tools';
import { waitFor } from '../helpers/wait';

const POSTS = 1_000;
const IN_FLIGHT = 20;
const CLIENTS = 20;
const CRASHES = 2;
/** The sample project's first start stores these before anything is posted. */
const SEED_MILESTONES = 3;
const SERVER_ENV = {
  // The point is crashes, not throttling: no 429s.
  SETVISIT_POST_RATE: '100000',
  // A resuming client always gets the events it missed (never a 50-milestone snapshot), so it can hold them all.
  SETVISIT_MAX_RESUME_EVENTS: '100000',
  // Not SETVISIT_QUIET=1: quiet mode also drops the "listening" line startServerProcess waits for, so every
  // start would time out (see the report). Unquiet, the server logs a line per stored event into a pipe.
};

// One seed drives everything random; separate streams per purpose so that, e.g., backoff jitter drawn in
// whatever order the network dictates does not shift which clients churn or when the server dies.
const SEED = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const streams = {
  crash: seededRandom(SEED),
  churn: seededRandom(SEED ^ 0x5bd1e995),
  backoff: seededRandom(SEED ^ 0x27d4eb2f),
};

interface FaultClient {
  index: number;
  feed: ProjectFeed;
  store: AppStore;
  logger: RecordingLogger;
  /** The seq of every `applied` event, in the order the client applied them. */
  applied: number[];
  resyncs: { events: number; snapshot: number; recovered: number };
  stopped: boolean;
  /** The pending start() after a churn stop. */
  restartTimer: ReturnType<typeof setTimeout> | undefined;
}

const dataDir = mkdtempSync(join(tmpdir(), 'setvisit-fault-'));
/** Every server process ever started, so afterAll can kill whatever still runs. */
const processes: ServerProcess[] = [];
let pendingStart: Promise<ServerProcess> | undefined;
let server: ServerProcess;
let baseUrl = '';
const clients: FaultClient[] = [];
/** Set when the test ends (passed or not): background posters, churn and restarts stop. */
let over = false;

async function startServer(port: number): Promise<ServerProcess> {
  // Restarting on the same port right after a SIGKILL can rarely race the kernel releasing it: try a few times.
  for (let attempt = 1; ; attempt++) {
    pendingStart = startServerProcess({ dataDir, port, env: SERVER_ENV });
    try {
      const started = await pendingStart;
      processes.push(started);
      return started;
    } catch (err) {
      if (attempt >= 3 || over) throw err;
      await sleep(200);
    } finally {
      pendingStart = undefined;
    }
  }
}

function startClient(index: number, url: string): FaultClient {
  const store = createAppStore();
  const logger = recordingLogger();
  const feed = new ProjectFeed({
    url,
    projectId: PROJECT_ID,
    store,
    logger,
    // Enough to hold the whole list, so the end state can be compared with the server's in full.
    milestonesKept: 5_000,
    subscribeTimeoutMs: 5_000,
    // Fast reconnects keep the test short; a crash still leaves every client retrying against a closed port.
    socketOptions: { transports: ['websocket'], reconnectionDelay: 150, reconnectionDelayMax: 500 },
  });
  const client: FaultClient = { index, feed, store, logger, applied: [], resyncs: { events: 0, snapshot: 0, recovered: 0 }, stopped: false, restartTimer: undefined };
  feed.on('applied', (event) => client.applied.push(event.seq));
  feed.on('resynced', ({ kind }) => client.resyncs[kind]++);
  feed.start();
  return client;
}

const EventsPage = z.object({ events: z.array(FeedEvent), seq: z.number() });

/** The server's whole log, read page by page through the public API. */
async function serverLog(): Promise<{ events: FeedEvent[]; seq: number }> {
  const events: FeedEvent[] = [];
  for (;;) {
    const after = events.at(-1)?.seq ?? 0;
    const res = await fetch(`${baseUrl}/api/projects/${PROJECT_ID}/events?after=${after}&limit=1000`);
    expect(res.status).toBe(200);
    const page = EventsPage.parse(await res.json());
    events.push(...page.events);
    if (page.events.length === 0 || (events.at(-1)?.seq ?? 0) >= page.seq) return { events, seq: page.seq };
  }
}

const title = (n: number) => ({ en: `Fault milestone ${n}`, 'zh-CN': `故障里程碑 ${n}` });
const titleOf = (m: Milestone) => m.title.en ?? '';

beforeAll(async () => {
  console.info(`fault test seed ${SEED} (replay the same choices with FAULT_SEED=${SEED})`);
  server = await startServer(0);
  baseUrl = server.url;
  for (let i = 0; i < CLIENTS; i++) clients.push(startClient(i, baseUrl));
  // Everyone starts from the seed snapshot; from then on, every event must reach them as an applied event.
  await waitFor(() => clients.every((c) => c.store.getState().feed.status === 'live' && c.store.getState().feed.data?.seq === SEED_MILESTONES), 20_000, 'all clients live on the seed snapshot');
});

afterAll(async () => {
  over = true;
  for (const client of clients) {
    clearTimeout(client.restartTimer);
    client.feed.stop();
  }
  // A restart still in progress would leave an orphan process behind: wait for it, then kill it too.
  const starting = pendingStart;
  if (starting) await starting.then((p) => void processes.push(p), () => undefined);
  for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) await killServerProcess(p);
  // startServerProcess does not kill a child that never said "listening": find such strays by their data dir.
  killStrayServers(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('feed under faults', () => {
  it('every client ends with exactly the server list after concurrent posts, client churn and two SIGKILL restarts', { timeout: 90_000 }, async () => {
    const started = Date.now();
    const port = server.port;
    const runId = `fault-${SEED}`;

    // Crash moments, drawn up front so they depend on the seed only: after this many 201s (and a few ms more,
    // so the kill lands while ~20 posts are on the wire). The second stays well before the end of posting.
    const crashAfter = [randomInt(streams.crash, 150, 400), randomInt(streams.crash, 550, 850)];
    const crashes: { afterAcked: number; inFlight: number; downMs: number; restartMs: number }[] = [];
    let crashing: Promise<void> | undefined;
    /** A restart that failed: kept to fail the test with it, rather than as an unhandled rejection. */
    let crashError: Error | undefined;

    let acked = 0;
    let inFlight = 0;
    let next = 0;
    const outcomes = new Map<number, PostOutcome>();

    async function crashAndRestart(afterAcked: number): Promise<void> {
      await sleep(randomInt(streams.crash, 0, 30));
      const at = Date.now();
      const killedWhileInFlight = inFlight;
      await killServerProcess(server);
      // Stay down a little: clients hit a closed port and posts fail with ECONNREFUSED, not just a reset.
      const downMs = randomInt(streams.crash, 100, 500);
      await sleep(downMs);
      if (over) return;
      server = await startServer(port);
      crashes.push({ afterAcked, inFlight: killedWhileInFlight, downMs, restartMs: Date.now() - at });
    }

    async function poster(): Promise<void> {
      while (!over && next < POSTS) {
        const n = next++;
        inFlight++;
        try {
          const outcome = await postMilestoneIdempotently(
            baseUrl,
            { kind: 'announcement', title: title(n) },
            `${runId}-${n}`,
            // ~2 s of downtime per crash (process start included) needs ~10 attempts; 60 is a generous cap.
            { maxAttempts: 60, baseDelayMs: 50, maxDelayMs: 500, attemptTimeoutMs: 10_000, cancelled: () => over },
            streams.backoff,
          );
          outcomes.set(n, outcome);
        } finally {
          inFlight--;
        }
        acked++;
        const threshold = crashAfter[crashes.length];
        if (!crashing && threshold !== undefined && acked >= threshold) {
          crashing = crashAndRestart(acked)
            .catch((err: unknown) => void (crashError = err instanceof Error ? err : new Error(String(err))))
            .finally(() => (crashing = undefined));
        }
      }
    }

    // Clients come and go at random while the posts run: a stop() drops the socket (and any subscribe in
    // flight), a start() after a random pause must resume from the client's own seq.
    let churns = 0;
    let posting = true;
    async function churn(): Promise<void> {
      while (posting && !over) {
        await sleep(randomInt(streams.churn, 10, 60));
        const victim = clients[randomInt(streams.churn, 0, clients.length - 1)];
        const awayMs = randomInt(streams.churn, 0, 400);
        if (!victim || victim.stopped) continue;
        victim.stopped = true;
        victim.feed.stop();
        churns++;
        victim.restartTimer = setTimeout(() => {
          victim.restartTimer = undefined;
          victim.stopped = false;
          victim.feed.start();
        }, awayMs);
      }
    }

    const churning = churn();
    await Promise.all(Array.from({ length: IN_FLIGHT }, () => poster()));
    // A crash triggered by one of the last 201s may still be restarting.
    while (crashing) await crashing;
    if (crashError !== undefined) throw new Error(`restart after a crash failed: ${crashError.message}`, { cause: crashError });
    posting = false;
    await churning;
    const postedMs = Date.now() - started;
    // Bring back every client that churn left stopped.
    for (const client of clients) {
      clearTimeout(client.restartTimer);
      client.restartTimer = undefined;
      if (client.stopped) {
        client.stopped = false;
        client.feed.start();
      }
    }

    expect(crashes).toHaveLength(CRASHES);
    expect(outcomes.size).toBe(POSTS);

    const { events, seq: latest } = await serverLog();
    const describeClients = () => clients.map((c) => `#${c.index} ${c.store.getState().feed.status} seq ${c.store.getState().feed.data?.seq ?? '-'}`).join(', ');
    try {
      await waitFor(() => clients.every((c) => c.store.getState().feed.status === 'live' && c.store.getState().feed.data?.seq === latest), 30_000, `every client live at seq ${latest}`);
    } catch (err) {
      throw new Error(`${(err as Error).message}: ${describeClients()}`, { cause: err });
    }
    const settledMs = Date.now() - started - postedMs;

    // The server: seqs 1..N without a hole, the 3 seed milestones, then each posted title exactly once, and
    // every 201 (first answer or replay) named the event that was really stored for its key.
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: latest }, (_, i) => i + 1));
    const milestones = events.map((e) => {
      if (e.type !== 'milestone') throw new Error(`unexpected ${e.type} event at seq ${e.seq}`);
      return e.milestone;
    });
    expect(milestones).toHaveLength(SEED_MILESTONES + POSTS);
    const posted = milestones.slice(SEED_MILESTONES).map(titleOf);
    expect(new Set(posted).size).toBe(POSTS);
    expect([...posted].sort()).toEqual(Array.from({ length: POSTS }, (_, n) => title(n).en).sort());
    const seqOfTitle = new Map(milestones.map((m) => [titleOf(m), m.seq]));
    for (const [n, outcome] of outcomes) {
      expect(outcome.seq, `post ${n}`).toBe(seqOfTitle.get(title(n).en));
      expect(outcome.id, `post ${n}`).toBe(`${PROJECT_ID}-${outcome.seq}`);
    }

    // Every client: the very same list (same seqs, ids, titles, times, order), and each event applied once,
    // in order, after the seed snapshot; never a second snapshot.
    const summary = (list: readonly Milestone[]) => list.map((m) => `${m.seq} ${m.id} ${titleOf(m)}`);
    for (const client of clients) {
      const held = client.store.getState().feed.data?.milestones ?? [];
      expect(summary(held), `client #${client.index}`).toEqual(summary(milestones));
      expect(held, `client #${client.index}`).toEqual(milestones);
      const outOfOrder = client.applied.findIndex((seq, i) => i > 0 && seq <= (client.applied[i - 1] ?? 0));
      expect(outOfOrder, `client #${client.index} applied seq ${client.applied[outOfOrder] ?? ''} after ${client.applied[outOfOrder - 1] ?? ''}`).toBe(-1);
      expect(client.applied, `client #${client.index}`).toEqual(Array.from({ length: latest - SEED_MILESTONES }, (_, i) => SEED_MILESTONES + 1 + i));
      expect(client.resyncs.snapshot, `client #${client.index} snapshots`).toBe(1);
      expect(client.feed.stats.rejected, `client #${client.index} rejected`).toBe(0);
    }

    const all = [...outcomes.values()];
    const retried = all.filter((o) => o.attempts > 1);
    const failureKinds = new Map<string, number>();
    for (const failure of retried.flatMap((o) => o.failures)) failureKinds.set(failure, (failureKinds.get(failure) ?? 0) + 1);
    const total = (pick: (c: FaultClient) => number) => clients.reduce((sum, c) => sum + pick(c), 0);
    console.info(
      [
        `fault test seed ${SEED}: ${POSTS} posts in ${postedMs} ms, clients settled ${settledMs} ms later`,
        `crashes: ${crashes.map((c) => `after ${c.afterAcked} acked, ${c.inFlight} in flight, down ${c.downMs} ms, back after ${c.restartMs} ms`).join('; ')}`,
        `posts retried: ${retried.length} (${retried.reduce((sum, o) => sum + o.attempts - 1, 0)} extra attempts), answered as replays: ${all.filter((o) => o.replayed).length}`,
        `retry causes: ${[...failureKinds].map(([kind, count]) => `${kind} ×${count}`).join(', ') || 'none'}`,
        `client churns: ${churns}; resyncs: ${total((c) => c.resyncs.events)} by events, ${total((c) => c.resyncs.snapshot)} snapshots, ${total((c) => c.resyncs.recovered)} recovered; duplicates dropped: ${total((c) => c.feed.stats.duplicates)}; gaps: ${total((c) => c.feed.stats.gaps)}`,
      ].join('\n'),
    );
  });
});
