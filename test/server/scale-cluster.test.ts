// Three feed nodes as separate processes (src/server/main.ts) sharing a real PostgreSQL and a real Redis,
// websocket-only, behind a real TCP load balancer without stickiness: milestones posted through any node
// reach every node's clients in order and exactly once, a draining node hands its clients over, and a killed
// node's clients reconnect to the others with nothing lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedEvent, ProjectSnapshot, SOCKET_EVENTS, SubscribeReply } from '../../src/protocol';
import { JoinReply, MEETUP_EVENTS, ReactionWindow } from '../../src/protocol/meetup';
import { postMilestoneIdempotently, seededRandom } from '../helpers/fault-tools';
import { startFeedClient, type TestFeedClient } from '../helpers/feed-client';
import { startPostgres, type PostgresProcess } from '../helpers/postgres-process';
import { startRedis, type RedisProcess } from '../helpers/redis-process';
import { killServerProcess, startServerProcess, type ServerProcess } from '../helpers/server-process';
import { startTcpBalancer, type TcpBalancer } from '../helpers/tcp-balancer';
import { OPERATOR_TOKEN, PROJECT_ID, postMilestone, validMilestone } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

let redis: RedisProcess;
let postgres: PostgresProcess;
let balancer: TcpBalancer;
const dirs: string[] = [];
const nodes: Record<'a' | 'b' | 'c', ServerProcess> = {} as never;
const sockets: Socket[] = [];
const feeds: TestFeedClient[] = [];

function startNode(name: 'a' | 'b' | 'c', port?: number): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), `setvisit-node-${name}-`));
  dirs.push(dataDir);
  return startServerProcess({
    dataDir,
    ...(port ? { port } : {}),
    env: {
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      SETVISIT_TRANSPORTS: 'websocket',
      SETVISIT_NODE_ID: `node-${name}`,
      SETVISIT_POST_RATE: '100000',
      SETVISIT_DRAIN_GRACE_MS: '1000',
      SETVISIT_DRAIN_MS: '500',
    },
  });
}

beforeAll(async () => {
  [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  // Started together on purpose: three nodes creating the schema and seeding the sample project at once.
  [nodes.a, nodes.b, nodes.c] = await Promise.all([startNode('a'), startNode('b'), startNode('c')]);
  balancer = await startTcpBalancer([nodes.a.port, nodes.b.port, nodes.c.port]);
}, 120_000);

afterAll(async () => {
  sockets.forEach((socket) => socket.close());
  feeds.forEach((client) => client.feed.stop());
  await balancer?.close();
  for (const node of Object.values(nodes)) if (node.child.exitCode === null) node.child.kill('SIGKILL');
  await Promise.all(Object.values(nodes).map((node) => node.exited));
  await Promise.all([redis?.stop(), postgres?.stop()]);
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
}, 60_000);

/** A bare socket.io client that records every feed event it is sent, duplicates included. */
async function rawListener(url: string): Promise<{ socket: Socket; seqs: number[] }> {
  const socket = connectSocket(url, { transports: ['websocket'], auth: { v: 1 }, reconnection: false });
  sockets.push(socket);
  const seqs: number[] = [];
  socket.on(SOCKET_EVENTS.event, (payload: unknown) => seqs.push(FeedEvent.parse(payload).seq));
  const reply = SubscribeReply.parse(await socket.timeout(10_000).emitWithAck(SOCKET_EVENTS.subscribe, { projectId: PROJECT_ID }));
  expect(reply.ok).toBe(true);
  return { socket, seqs };
}

async function snapshotOf(url: string): Promise<ProjectSnapshot> {
  return ProjectSnapshot.parse(await (await fetch(`${url}/api/projects/${PROJECT_ID}`)).json());
}

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  if (!line) throw new Error(`no ${name} in /metrics of ${url}`);
  return Number(line.split(' ').pop());
}

/** Every feed client shows exactly the milestones the database holds, in order. */
async function expectFeedsMatchServer(clients: TestFeedClient[]): Promise<void> {
  const expected = (await snapshotOf(nodes.a.url)).milestones.map((m) => m.seq);
  await waitFor(() => clients.every((client) => JSON.stringify(client.seqs()) === JSON.stringify(expected)), 30_000, 'every feed client to hold the server\'s milestones');
  for (const client of clients) {
    expect(client.seqs()).toEqual(expected);
    // Duplicates are allowed here (a resync and a late broadcast may carry the same event; the client drops
    // one): what must hold is the list above and that nothing was refused as malformed.
    expect(client.feed.stats.rejected).toBe(0);
  }
}

describe('three feed nodes on PostgreSQL and Redis', { timeout: 120_000 }, () => {
  it('answers liveness, readiness (storage and Redis) and metrics on every node, and only websocket', async () => {
    for (const node of Object.values(nodes)) {
      expect(await (await fetch(`${node.url}/healthz`)).json()).toMatchObject({ ok: true });
      const ready = await fetch(`${node.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ ready: true, checks: { storage: 'ok', redis: 'ok' } });
      expect(await metric(node.url, 'setvisit_redis_up')).toBe(1);
      // Long-polling is refused, so no request of a client depends on reaching the same node twice.
      const polling = await fetch(`${node.url}/socket.io/?EIO=4&transport=polling`);
      expect(polling.status).toBe(400);
    }
    // The sample project was seeded once, not once per node.
    expect((await snapshotOf(nodes.b.url)).seq).toBe(3);
  });

  it('delivers milestones posted through node C to clients of nodes A and B in order, exactly once', async () => {
    const onA = await rawListener(nodes.a.url);
    const onB = await rawListener(nodes.b.url);
    const onC = await rawListener(nodes.c.url);
    const posted: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await postMilestone(nodes.c.url, validMilestone(100 + i));
      expect(res.status).toBe(201);
      posted.push(((await res.json()) as { seq: number }).seq);
    }
    await waitFor(() => [onA, onB, onC].every((l) => l.seqs.length >= posted.length), 15_000, 'every listener to receive 30 events');
    // A moment more: a duplicate arriving late would show here.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const listener of [onA, onB, onC]) expect(listener.seqs).toEqual(posted);
    expect(posted).toEqual(Array.from({ length: 30 }, (_, i) => posted[0]! + i));
    expect(await metric(nodes.a.url, 'setvisit_feed_events_sent_total')).toBeGreaterThanOrEqual(30);
    [onA, onB, onC].forEach((l) => l.socket.close());
  });

  it('keeps one gap-free numbering while all three nodes take posts at once; every client ends with the same list', async () => {
    const clients = [nodes.a, nodes.b, nodes.c].flatMap((node) => [startFeedClient(node.url), startFeedClient(node.url)]);
    feeds.push(...clients);
    await waitFor(() => clients.every((c) => c.store.getState().feed.status === 'live'), 15_000, 'clients live');
    const before = (await snapshotOf(nodes.a.url)).seq;
    const results = await Promise.all(
      [nodes.a, nodes.b, nodes.c].flatMap((node, n) =>
        Array.from({ length: 15 }, async (_, i) => {
          const res = await postMilestone(node.url, validMilestone(1000 * (n + 1) + i));
          expect(res.status).toBe(201);
          return ((await res.json()) as { seq: number }).seq;
        }),
      ),
    );
    expect(results.sort((x, y) => x - y)).toEqual(Array.from({ length: 45 }, (_, i) => before + 1 + i));
    await expectFeedsMatchServer(clients);
    clients.forEach((c) => c.feed.stop());
  });

  it('shows one audience count and one reaction aggregate per room on every node', async () => {
    const operator = (url: string, path: string, body?: unknown) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
    // Scheduled through A, started through B, tokens made through C: one database behind them all.
    const meetupId = 'scale-meet';
    expect((await operator(nodes.a.url, `/api/projects/${PROJECT_ID}/meetups`, { id: meetupId, title: { en: 'Scale' }, star: { en: 'Lin Yue' }, scheduledStart: new Date().toISOString(), requiredTier: 'gold' })).status).toBe(201);
    expect((await operator(nodes.b.url, `/api/meetups/${meetupId}/start`)).status).toBe(200);
    const tokens = await Promise.all(
      Array.from({ length: 7 }, async (_, i) => ((await (await operator(nodes.c.url, '/api/backer-tokens', { label: `fan ${i}`, tier: 'gold', projects: [PROJECT_ID] })).json()) as { token: string }).token),
    );

    const audience = await Promise.all(
      tokens.slice(0, 6).map(async (token, i) => {
        const node = [nodes.a, nodes.b, nodes.c][i % 3]!;
        const socket = connectSocket(node.url, { transports: ['websocket'], auth: { v: 1, token }, reconnection: false, forceNew: true });
        sockets.push(socket);
        const seen = { socket, presence: [] as number[], windows: [] as ReactionWindow[] };
        socket.on(MEETUP_EVENTS.presence, (p: { audience: number }) => seen.presence.push(p.audience));
        socket.on(MEETUP_EVENTS.reactions, (w: unknown) => seen.windows.push(ReactionWindow.parse(w)));
        const reply = JoinReply.parse(await socket.timeout(10_000).emitWithAck(MEETUP_EVENTS.join, { meetupId }));
        expect(reply.ok).toBe(true);
        return seen;
      }),
    );
    // Two members per node, six in the room: every node says six, not its own two.
    await waitFor(() => audience.every((a) => a.presence.at(-1) === 6), 10_000, 'audience 6 on every node');
    // A host on each node: one node aggregates the room, yet every host must see the room's reaction rate.
    const hosts = await Promise.all(
      [nodes.a, nodes.b, nodes.c].map(async (node) => {
        const socket = connectSocket(node.url, { transports: ['websocket'], auth: { v: 1, token: OPERATOR_TOKEN }, reconnection: false, forceNew: true });
        sockets.push(socket);
        const rates: number[] = [];
        socket.on(MEETUP_EVENTS.hostStats, (s: { reactionsPerSecond: number }) => rates.push(s.reactionsPerSecond));
        expect(JoinReply.parse(await socket.timeout(10_000).emitWithAck(MEETUP_EVENTS.join, { meetupId }))).toMatchObject({ ok: true, role: 'host' });
        return { socket, rates };
      }),
    );

    // 6 members × 5 messages × 3 hearts, plus 2 flowers from each member on node A.
    for (let round = 0; round < 5; round++) {
      audience.forEach((a) => a.socket.emit(MEETUP_EVENTS.react, { meetupId, kind: 'heart', count: 3 }));
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    audience.filter((_, i) => i % 3 === 0).forEach((a) => a.socket.emit(MEETUP_EVENTS.react, { meetupId, kind: 'flower', count: 2 }));
    await waitFor(() => audience.every((a) => a.windows.at(-1)?.totals.heart === 90 && a.windows.at(-1)?.totals.flower === 4), 10_000, 'totals on every node');
    await new Promise((resolve) => setTimeout(resolve, 500)); // a window sent twice would show up here
    await waitFor(() => hosts.every((h) => h.rates.some((rate) => rate > 0)), 10_000, 'a reaction rate for the host on every node');
    // Every host hears its own node only, and every node knows the room's rate (well within its 5 s span here):
    // once positive, a host's rate never drops to 0 because its node is not the one aggregating.
    for (const h of hosts) expect(h.rates.slice(h.rates.findIndex((rate) => rate > 0)).every((rate) => rate > 0), `rates ${h.rates.join(',')}`).toBe(true);
    hosts.forEach((h) => h.socket.close());
    // One aggregate per room: every member, whatever its node, got the very same windows, each once.
    const reference = JSON.stringify(audience[0]!.windows);
    for (const a of audience) expect(JSON.stringify(a.windows)).toBe(reference);
    const hearts = audience[0]!.windows.reduce((sum, w) => sum + (w.counts.heart ?? 0), 0);
    expect(hearts).toBe(90);

    // A newcomer on any node is told the stored totals; a member leaving counts down everywhere.
    const latecomer = connectSocket(nodes.b.url, { transports: ['websocket'], auth: { v: 1, token: tokens[6] }, reconnection: false, forceNew: true });
    sockets.push(latecomer);
    const late = JoinReply.parse(await latecomer.timeout(10_000).emitWithAck(MEETUP_EVENTS.join, { meetupId }));
    expect(late).toMatchObject({ ok: true, totals: { heart: 90, flower: 4 } });
    latecomer.close();
    audience[1]!.socket.close(); // a member on node B
    const remaining = audience.filter((_, i) => i !== 1);
    await waitFor(() => remaining.every((a) => a.presence.at(-1) === 5), 10_000, 'audience 5 on every node');
    // Each viewer hears a count from its own node only, and only when it changed: no count twice in a row (a
    // room-wide emit from every node would repeat each count once per node).
    for (const a of remaining) a.presence.forEach((count, i) => i > 0 && expect(count, `presence ${a.presence.join(',')}`).not.toBe(a.presence[i - 1]));
    remaining.forEach((a) => a.socket.close());
  });

  it('holds a backer\'s reaction limit across nodes: one token on three nodes gets one allowance, not three', async () => {
    const operator = (url: string, path: string, body?: unknown) =>
      fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
    const meetupId = 'scale-limits';
    expect((await operator(nodes.a.url, `/api/projects/${PROJECT_ID}/meetups`, { id: meetupId, title: { en: 'Limits' }, star: { en: 'Lin Yue' }, scheduledStart: new Date().toISOString(), requiredTier: 'gold' })).status).toBe(201);
    expect((await operator(nodes.a.url, `/api/meetups/${meetupId}/start`)).status).toBe(200);
    const { token } = (await (await operator(nodes.a.url, '/api/backer-tokens', { label: 'eager fan', tier: 'gold', projects: [PROJECT_ID] })).json()) as { token: string };
    const tabs = await Promise.all(
      [nodes.a, nodes.b, nodes.c].map(async (node) => {
        const socket = connectSocket(node.url, { transports: ['websocket'], auth: { v: 1, token }, reconnection: false, forceNew: true });
        sockets.push(socket);
        const seen = { socket, errors: [] as { error: { code: string } }[], totals: 0 };
        socket.on(MEETUP_EVENTS.error, (e: { error: { code: string } }) => seen.errors.push(e));
        socket.on(MEETUP_EVENTS.reactions, (w: unknown) => (seen.totals = ReactionWindow.parse(w).totals.heart ?? 0));
        expect(JoinReply.parse(await socket.timeout(10_000).emitWithAck(MEETUP_EVENTS.join, { meetupId })).ok).toBe(true);
        return seen;
      }),
    );
    // The default limit: 8 messages a second per caller, bursts of 16. Each tab sends 16 at once (48 in all).
    const started = Date.now();
    for (let i = 0; i < 16; i++) tabs.forEach((tab) => tab.socket.emit(MEETUP_EVENTS.react, { meetupId, kind: 'heart', count: 1 }));
    await waitFor(() => tabs.some((tab) => tab.errors.some((e) => e.error.code === 'rate-limited')), 10_000, 'a rate-limited refusal');
    await waitFor(() => tabs.every((tab) => tab.totals > 0), 10_000, 'the totals on every tab');
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // the last windows close
    const allowance = 16 + Math.ceil(((Date.now() - started) / 1000) * 8);
    const counted = Math.max(...tabs.map((tab) => tab.totals));
    expect(counted).toBeGreaterThanOrEqual(16);
    // Per-node limits alone would have let all 48 through.
    expect(counted).toBeLessThanOrEqual(Math.min(allowance, 47));
    tabs.forEach((tab) => tab.socket.close());
  });

  it('drains a node on SIGTERM: readiness 503 first, its clients move to the other nodes, nothing lost', async () => {
    const clients = Array.from({ length: 6 }, () => startFeedClient(balancer.url));
    feeds.push(...clients);
    await waitFor(() => clients.every((c) => c.store.getState().feed.status === 'live'), 15_000, 'clients live');
    const onC = await metric(nodes.c.url, 'setvisit_socket_connections');
    expect(onC).toBeGreaterThanOrEqual(2);
    // A bare socket.io client on node C (a balancer over C then A sends the first connection to C), to see
    // socket.io's own session recovery work across nodes through Redis.
    const viaC = await startTcpBalancer([nodes.c.port, nodes.a.port]);
    const recovering = connectSocket(viaC.url, { transports: ['websocket'], auth: { v: 1 }, reconnectionDelay: 100, reconnectionDelayMax: 200 });
    sockets.push(recovering);
    const recoveringSeqs: number[] = [];
    recovering.on(SOCKET_EVENTS.event, (payload: unknown) => recoveringSeqs.push(FeedEvent.parse(payload).seq));
    expect(SubscribeReply.parse(await recovering.timeout(10_000).emitWithAck(SOCKET_EVENTS.subscribe, { projectId: PROJECT_ID })).ok).toBe(true);
    expect(viaC.routed).toEqual([nodes.c.port]);
    // One broadcast through the Redis stream gives the client an offset to resume from.
    const primer = ((await (await postMilestone(nodes.a.url, validMilestone(4999))).json()) as { seq: number }).seq;
    await waitFor(() => recoveringSeqs.includes(primer), 10_000, 'the primer event');
    const reconnected = new Promise<boolean>((resolve) => recovering.once('connect', () => resolve(recovering.recovered)));

    let stop = false;
    const random = seededRandom(9);
    const policy = { maxAttempts: 50, baseDelayMs: 50, maxDelayMs: 500, attemptTimeoutMs: 5_000, cancelled: () => stop };
    const poster = (async () => {
      const outcomes = [];
      for (let i = 0; !stop && i < 200; i++) {
        outcomes.push(await postMilestoneIdempotently(nodes.a.url, validMilestone(5000 + i), `drain-${i}`, policy, random));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return outcomes;
    })();

    nodes.c.child.kill('SIGTERM');
    // During the grace period the node still serves, but tells the load balancer to stop sending clients.
    const draining = await waitFor(async () => {
      const res = await fetch(`${nodes.c.url}/readyz`).catch(() => undefined);
      return res?.status === 503 ? ((await res.json()) as { draining: boolean }) : undefined;
    }, 5_000, 'readyz 503 while draining');
    expect(draining.draining).toBe(true);
    expect(await nodes.c.exited).toBe(0);
    await waitFor(async () => (await metric(nodes.a.url, 'setvisit_socket_connections')) + (await metric(nodes.b.url, 'setvisit_socket_connections')) >= 6, 15_000, 'all clients on A and B');
    stop = true;
    const outcomes = await poster;
    expect(outcomes.length).toBeGreaterThan(5);
    await expectFeedsMatchServer(clients);
    // The bare client came back through node A with its session restored from Redis, and got every event
    // posted meanwhile exactly once, with no resync of its own.
    expect(await reconnected).toBe(true);
    expect(viaC.routed.at(-1)).toBe(nodes.a.port);
    const last = Math.max(...outcomes.map((o) => o.seq));
    await waitFor(() => recoveringSeqs.includes(last), 30_000, 'the last event on the recovered socket');
    expect(recoveringSeqs).toEqual(Array.from({ length: last - primer + 1 }, (_, i) => primer + i));
    recovering.close();
    await viaC.close();
    const recovered = clients.reduce((sum, c) => sum + c.feed.stats.recoveries, 0);
    console.info(`drain: ${onC} clients moved off node C; socket.io session recoveries across nodes: ${recovered}`);
    clients.forEach((c) => c.feed.stop());
  });

  it('moves the clients of a SIGKILLed node to the others, with every post stored once and delivered', async () => {
    nodes.c = await startNode('c', nodes.c.port); // back in the balancer's pool, same port
    const clients = Array.from({ length: 9 }, () => startFeedClient(balancer.url));
    feeds.push(...clients);
    await waitFor(() => clients.every((c) => c.store.getState().feed.status === 'live'), 15_000, 'clients live');
    expect(await metric(nodes.b.url, 'setvisit_socket_connections')).toBeGreaterThanOrEqual(2);

    let stop = false;
    const random = seededRandom(7);
    const policy = { maxAttempts: 50, baseDelayMs: 50, maxDelayMs: 500, attemptTimeoutMs: 5_000, cancelled: () => stop };
    let posted = 0;
    const poster = (async () => {
      const outcomes = [];
      // Through the balancer: some posts land on node B and fail with it; the retry goes elsewhere.
      for (let i = 0; !stop && i < 400; i++) {
        outcomes.push(await postMilestoneIdempotently(balancer.url, validMilestone(7000 + i), `kill-${i}`, policy, random));
        posted++;
      }
      return outcomes;
    })();
    await waitFor(() => posted >= 10, 15_000, 'posts under way');
    await killServerProcess(nodes.b);
    await waitFor(() => posted >= 40, 30_000, 'posts after the kill');
    stop = true;
    const outcomes = await poster;
    await waitFor(async () => (await metric(nodes.a.url, 'setvisit_socket_connections')) + (await metric(nodes.c.url, 'setvisit_socket_connections')) >= 9, 20_000, 'all clients on A and C');

    // Every post stored exactly once, numbered without gaps.
    const seqs = outcomes.map((o) => o.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    const log = (await (await fetch(`${nodes.a.url}/api/projects/${PROJECT_ID}/events?after=${Math.min(...seqs) - 1}`)).json()) as { events: FeedEvent[] };
    expect(log.events.map((e) => e.seq)).toEqual(Array.from({ length: log.events.length }, (_, i) => Math.min(...seqs) + i));
    const titles = log.events.flatMap((e) => (e.type === 'milestone' && e.milestone.title.en?.startsWith('Scene 7') ? [e.milestone.title.en] : []));
    expect(titles).toHaveLength(outcomes.length);
    await expectFeedsMatchServer(clients);
  });
});
