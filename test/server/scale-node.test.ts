// One node's scale-out parts against real servers: settings and their errors, health/readiness/metrics,
// the drain's readiness answer, a websocket-only server that the default feed client still reaches, and the
// Redis-backed rate limit shared by two "nodes".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connectSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectFeed } from '../../src/feed/project-feed';
import { SOCKET_EVENTS } from '../../src/protocol';
import { createSetVisitServer } from '../../src/server/create-server';
import { seedSampleProject } from '../../src/server/sample-project';
import { NodeMetrics } from '../../src/server/scale/node-metrics';
import { attachNodeOperations } from '../../src/server/scale/node-runtime';
import { connectRedisLink, type RedisLink } from '../../src/server/scale/redis-link';
import { readScaleEnvironment } from '../../src/server/scale/scale-config';
import { RedisRoomState } from '../../src/server/scale/redis-room-state';
import { RedisRateLimiter } from '../../src/server/scale/shared-rate-limiter';
import { SqliteFeedStorage } from '../../src/server/storage/sqlite-storage';
import { createAppStore } from '../../src/store/app-store';
import { recordingLogger } from '../helpers/feed-client';
import { freePort } from '../helpers/free-port';
import { startRedis, type RedisProcess } from '../helpers/redis-process';
import { startServerProcess } from '../helpers/server-process';
import { OPERATOR_TOKEN, PROJECT_ID, postMilestone, startTestServer, validMilestone } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

const silentLog = { notice() {}, info() {}, warn() {}, error() {} };
const scale = (env: Record<string, string> = {}) => readScaleEnvironment({ SETVISIT_NODE_ID: 'test-node', ...env });

function metricValue(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no ${name} in:\n${text}`);
  return Number(line.split(' ').pop());
}

describe('scale settings', () => {
  it('defaults to the single-process demo', () => {
    expect(scale()).toMatchObject({ databaseUrl: undefined, redisUrl: undefined, transports: ['polling', 'websocket'], drainGraceMs: 0, drainMs: 0 });
    expect(scale({ REDIS_URL: 'redis://127.0.0.1:6379', SETVISIT_TRANSPORTS: 'websocket' })).toMatchObject({ transports: ['websocket'], drainGraceMs: 5_000, drainMs: 10_000 });
  });

  it('names the variable at fault and never echoes a URL that may hold a password', () => {
    expect(() => scale({ DATABASE_URL: 'mysql://admin:hunter2@db/x' })).toThrow(/^DATABASE_URL must start with postgres: or postgresql:, got "mysql:"$/);
    expect(() => scale({ DATABASE_URL: 'hunter2' })).toThrow(/^DATABASE_URL must be a URL/);
    expect(() => scale({ DATABASE_URL: 'hunter2' })).not.toThrow(/hunter2/);
    expect(() => scale({ REDIS_URL: 'http://redis' })).toThrow(/^REDIS_URL must start with redis: or rediss:/);
    expect(() => scale({ SETVISIT_TRANSPORTS: 'websocket,carrier-pigeon' })).toThrow(/SETVISIT_TRANSPORTS must list polling and\/or websocket, got "carrier-pigeon"/);
    expect(() => scale({ SETVISIT_DRAIN_MS: '-1' })).toThrow(/SETVISIT_DRAIN_MS must be an integer/);
  });

  it('a node that cannot reach Redis refuses to start and says why, without the URL', { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'setvisit-scale-'));
    try {
      const deadPort = await freePort();
      const start = startServerProcess({ dataDir, env: { REDIS_URL: `redis://user:s3cret@127.0.0.1:${deadPort}` } });
      await expect(start).rejects.toThrow(/Could not start: .*(ECONNREFUSED|connect)/);
      await expect(start).rejects.not.toThrow(/s3cret/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('health, readiness and metrics of one node', () => {
  it('answers liveness and readiness, counts connections, events and their lag', async () => {
    const server = await startTestServer();
    const metrics = new NodeMetrics('test-node');
    const operations = attachNodeOperations(server.server, { storage: server.storage, redis: undefined, scale: scale(), metrics, log: silentLog });
    try {
      expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, node: 'test-node' });
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ ready: true, checks: { storage: 'ok' }, draining: false, node: 'test-node' });
      expect((await fetch(`${server.url}/readyz`, { method: 'POST' })).status).toBe(405);

      const socket = connectSocket(server.url, { transports: ['websocket'], auth: { v: 1 } });
      await socket.timeout(5_000).emitWithAck(SOCKET_EVENTS.subscribe, { projectId: PROJECT_ID });
      for (let n = 1; n <= 3; n++) expect((await postMilestone(server.url, validMilestone(n))).status).toBe(201);
      await waitFor(() => metrics.feedEventsSent >= 3, 5_000, 'three events counted');
      const res = await fetch(`${server.url}/metrics`);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      expect(text).toContain('# TYPE setvisit_feed_events_sent_total counter');
      expect(text).toContain('setvisit_node_info{node="test-node"} 1');
      expect(metricValue(text, 'setvisit_socket_connections')).toBe(1);
      expect(metricValue(text, 'setvisit_feed_events_sent_total')).toBe(3);
      expect(metricValue(text, 'setvisit_feed_lag_seconds_count')).toBe(3);
      // Stored and sent on loopback: a lag, but well under a second.
      expect(metricValue(text, 'setvisit_feed_lag_last_seconds')).toBeGreaterThanOrEqual(0);
      expect(metricValue(text, 'setvisit_feed_lag_last_seconds')).toBeLessThan(1);
      expect(metricValue(text, 'setvisit_socket_packets_sent_total')).toBeGreaterThanOrEqual(5); // open, ack, 3 events
      socket.close();
      expect(operations.draining).toBe(false);
    } finally {
      await server.dispose();
    }
  });

  it('reports not ready, with the reason, when storage fails', async () => {
    const server = await startTestServer();
    const metrics = new NodeMetrics('test-node');
    attachNodeOperations(server.server, { storage: server.storage, redis: undefined, scale: scale(), metrics, log: silentLog });
    try {
      await server.storage.close(); // the database is gone
      const res = await fetch(`${server.url}/readyz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { ready: boolean; checks: { storage: string } };
      expect(body.ready).toBe(false);
      expect(body.checks.storage).toMatch(/^failing: .*(not open|closed)/i);
      expect(metrics.storageErrors).toBe(1);
      // Liveness is about the process, not its dependencies: still 200.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.server.close();
    }
  });

  it('drains: readiness 503 at once, clients cut at the transport (so they reconnect), then closed', async () => {
    const server = await startTestServer();
    const operations = attachNodeOperations(server.server, {
      storage: server.storage,
      redis: undefined,
      scale: { ...scale(), drainGraceMs: 400, drainMs: 100 },
      metrics: new NodeMetrics('test-node'),
      log: silentLog,
    });
    const socket = connectSocket(server.url, { transports: ['websocket'], auth: { v: 1 }, reconnection: false });
    try {
      await socket.timeout(5_000).emitWithAck(SOCKET_EVENTS.subscribe, { projectId: PROJECT_ID });
      const reason = new Promise<string>((resolve) => socket.on('disconnect', resolve));
      const drained = operations.drain();
      const res = await fetch(`${server.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ready: false, draining: true });
      expect(socket.connected).toBe(true); // still served during the grace period
      // "transport close" is what makes socket.io clients reconnect by themselves (not "io server disconnect").
      expect(await reason).toBe('transport close');
      await drained;
      await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    } finally {
      socket.close();
      await server.dispose();
    }
  });
});

describe('websocket-only transport', () => {
  it('refuses long-polling, and the feed client with its defaults still connects (over websocket)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'setvisit-ws-'));
    const storage = new SqliteFeedStorage(join(dir, 'feed.sqlite'));
    await seedSampleProject(storage);
    const server = createSetVisitServer({ storage, operatorToken: OPERATOR_TOKEN, log: silentLog, transports: ['websocket'] });
    const port = await server.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}`;
    // Not startFeedClient (it pins websocket): this client must find websocket by itself, with the defaults.
    const store = createAppStore();
    const feed = new ProjectFeed({ url, projectId: PROJECT_ID, store, logger: recordingLogger() });
    try {
      expect((await fetch(`${url}/socket.io/?EIO=4&transport=polling`)).status).toBe(400);
      feed.start();
      await waitFor(() => store.getState().feed.status === 'live' && store.getState().feed.data, 10_000, 'feed live over websocket');
      expect(store.getState().feed.data?.milestones.length).toBe(3);
    } finally {
      feed.stop();
      await server.close();
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rate limits shared across nodes through Redis', () => {
  let redis: RedisProcess;
  const links: RedisLink[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  }, 30_000);
  afterAll(async () => {
    await Promise.all(links.map((link) => link.close()));
    await redis?.stop();
  });

  async function nodeLimiter(onError?: (err: unknown) => void): Promise<RedisRateLimiter> {
    const link = await connectRedisLink({ url: redis.url, onError: () => undefined });
    links.push(link);
    return new RedisRateLimiter(link.client, { name: 'meetup-react', limit: { perSecond: 1, burst: 5 }, ...(onError ? { onError } : {}) });
  }

  it('gives one caller one bucket whichever node it talks to', async () => {
    const [nodeA, nodeB] = await Promise.all([nodeLimiter(), nodeLimiter()]);
    const decisions = [];
    for (let i = 0; i < 8; i++) decisions.push(await (i % 2 ? nodeA : nodeB).take('backer:123'));
    expect(decisions.filter((d) => d.ok)).toHaveLength(5);
    expect(decisions.slice(5)).toEqual([
      { ok: false, retryAfterSeconds: 1 },
      { ok: false, retryAfterSeconds: 1 },
      { ok: false, retryAfterSeconds: 1 },
    ]);
    // Another caller has its own bucket.
    expect(await nodeA.take('backer:456')).toEqual({ ok: true });
    // Refills at the steady rate.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await nodeB.take('backer:123')).toEqual({ ok: true });
  });

  it('meet-up rooms: one audience across nodes, one aggregator per room, a dead node\'s members dropped', async () => {
    const [linkA, linkB] = await Promise.all([1, 2].map(() => connectRedisLink({ url: redis.url, onError: () => undefined })));
    links.push(linkA!, linkB!);
    const nodeA = new RedisRoomState(linkA!.client, { nodeId: 'room-a', heartbeatMs: 100, leaseMs: 1_000 });
    const nodeB = new RedisRoomState(linkB!.client, { nodeId: 'room-b', heartbeatMs: 100, leaseMs: 1_000 });
    try {
      expect(await nodeA.join('m1', 's1')).toBe(1);
      expect(await nodeA.join('m1', 's1')).toBe(1); // the same socket twice is one member
      expect(await nodeB.join('m1', 's2')).toBe(2);
      expect(await nodeB.join('m1', 's3')).toBe(3);
      expect(await nodeA.leave('m1', 's9')).toBe(3); // leaving what was never joined changes nothing

      await nodeA.addReactions('m1', 'heart', 5);
      await nodeB.addReactions('m1', 'heart', 7);
      await nodeB.addReactions('m1', 'wow', 1);
      // Only one node aggregates the room; the other sees nothing to do.
      const [roomsA, roomsB] = [await nodeA.roomsWithReactions(), await nodeB.roomsWithReactions()];
      expect([...roomsA, ...roomsB]).toEqual(['m1']);
      const aggregator = roomsA.length ? nodeA : nodeB;
      expect(await aggregator.takeWindow('m1')).toEqual({ heart: 12, wow: 1 });
      expect(await aggregator.takeWindow('m1')).toEqual({});
      expect(await nodeA.roomsWithReactions()).toEqual([]);

      // Node B dies without a word (no leave, no close): its two members stop counting once its heartbeat lapses.
      (nodeB as unknown as { heartbeat: ReturnType<typeof setInterval> }).heartbeat.close();
      await waitFor(async () => (await nodeA.audience('m1')) === 1, 3_000, 'node B\'s members dropped');
    } finally {
      await nodeA.close();
      await nodeB.close();
    }
  });

  it('falls back to a per-node bucket (and reports it) while Redis is unreachable', async () => {
    const errors: unknown[] = [];
    const limiter = await nodeLimiter((err) => errors.push(err));
    await links.at(-1)!.close();
    const decisions = [];
    for (let i = 0; i < 7; i++) decisions.push(await limiter.take('backer:789'));
    expect(decisions.filter((d) => d.ok)).toHaveLength(5);
    expect(errors.length).toBe(7);
  });
});
