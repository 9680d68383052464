// `npm run bench:attention`: where the audience looks, at scale, over loopback. Simulated viewers — each the real
// AttentionSampler (src/attention) over its own socket.io connection, sampling a direction that turns now and
// then — report to 1 node and to 2 nodes (PostgreSQL + Redis, viewers spread round-robin). Figures: bytes per
// viewer per minute on the wire (socket.io packets + WebSocket client framing), server CPU per report, and the
// time from a look to the radar (five probe viewers turn at once; the radar is read from node 1 every 25 ms).
// Bounded: every wait has a deadline, and every process it starts is stopped, even on failure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { AttentionSampler, createAttentionChoice } from '../../src/attention';
import { ATTENTION_EVENTS, cellOf, type AttentionRadar } from '../../src/protocol/attention';
import { PROTOCOL_VERSION } from '../../src/protocol';
import { ViewDirectionTracker } from '../../src/view';
import { startPostgres } from '../helpers/postgres-process';
import { startRedis } from '../helpers/redis-process';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { OPERATOR_TOKEN, PROJECT_ID } from '../helpers/test-server';
import { onCleanup, runCleanups, sleep, withTimeout } from './bounded';
import { readProcessUsage } from './process-usage';
import { distribution, formatMs, type Distribution } from './stats';

const { values: args } = parseArgs({
  options: {
    viewers: { type: 'string', default: process.env.BENCH_VIEWERS ?? '5000' },
    seconds: { type: 'string', default: '60' },
    layouts: { type: 'string', default: '1,2' },
  },
});
const VIEWERS = Number(args.viewers);
const SECONDS = Number(args.seconds);
const progress = (line: string) => process.stderr.write(`${line}\n`);
/** WebSocket framing of a client→server frame under 126 bytes: 2 header bytes and a 4-byte mask. */
const WS_CLIENT_FRAME = 6;

interface Result {
  nodes: number;
  viewers: number;
  connected: number;
  reports: number;
  refused: number;
  bytesPerViewerMinute: number;
  reportsPerViewerMinute: number;
  cpuMsPerReport: number;
  nodeCpuMs: number[];
  lookToRadar: Distribution;
  wallMs: number;
}

interface Viewer {
  socket: Socket;
  sampler: AttentionSampler;
  direction: ViewDirectionTracker;
  bytes: number;
}

async function connect(url: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], auth: { v: PROTOCOL_VERSION }, forceNew: true, reconnection: false });
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    }),
    60_000,
    'a viewer to connect',
  );
  return socket;
}

function viewerOn(socket: Socket, startedAt: number): Viewer {
  const direction = new ViewDirectionTracker();
  direction.set(Math.random() * 360 - 180, Math.random() * 60 - 30, 75, 'desktop-look');
  const viewer: Viewer = { socket, direction, bytes: 0, sampler: undefined as unknown as AttentionSampler };
  // What the sampler's emits cost on the wire: the encoded socket.io packet and the client's WebSocket framing.
  socket.io.engine.on('packetCreate', (packet: { type: string; data?: unknown }) => {
    if (packet.type === 'message' && typeof packet.data === 'string' && packet.data.startsWith('2["attention:')) viewer.bytes += packet.data.length + 1 + WS_CLIENT_FRAME;
  });
  viewer.sampler = new AttentionSampler({
    direction,
    choice: createAttentionChoice(undefined),
    visible: () => true,
    context: () => ({ projectId: PROJECT_ID, locationId: 'backlot', half: false, mediaTime: (Date.now() - startedAt) / 1000, playing: true, live: false }),
    transport: { report: (r) => (socket.connected ? (socket.emit(ATTENTION_EVENTS.report, r), true) : false), optOut: () => {} },
  });
  return viewer;
}

async function stats(url: string): Promise<{ reportsAccepted: number; refused: Record<string, number> }> {
  const res = await fetch(`${url}/api/attention/stats`, { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
  return (await res.json()) as { reportsAccepted: number; refused: Record<string, number> };
}

/** Five probe viewers on stage-a look north, then all turn around at once; how long until node 1's radar shows it. */
async function lookToRadar(nodes: ServerProcess[], rounds: number): Promise<number[]> {
  const probes = await Promise.all(Array.from({ length: 5 }, (_, i) => connect(nodes[i % nodes.length]!.url)));
  const radarUrl = `${nodes[0]!.url}/api/projects/${PROJECT_ID}/attention/stage-a/radar`;
  const hottest = async () => {
    const radar = (await (await fetch(radarUrl, { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } })).json()) as AttentionRadar;
    return radar.cells ? radar.cells.indexOf(Math.max(...radar.cells)) : -1;
  };
  const times: number[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      const [from, to] = round % 2 === 0 ? [cellOf(0, 0), cellOf(180, 0)] : [cellOf(180, 0), cellOf(0, 0)];
      const look = (cell: number) => probes.forEach((p) => p.emit(ATTENTION_EVENTS.report, { p: PROJECT_ID, l: 'stage-a', t: round, a: Math.floor(Date.now() / 1000), c: [cell, 1] }));
      look(from);
      const settled = Date.now() + 5_000;
      while ((await hottest()) !== from && Date.now() < settled) await sleep(25);
      await sleep(600); // the next turn starts at a random point of the radar's cycle
      const turnedAt = performance.now();
      look(to);
      const deadline = turnedAt + 10_000;
      while ((await hottest()) !== to && performance.now() < deadline) await sleep(25);
      times.push(performance.now() - turnedAt);
    }
  } finally {
    probes.forEach((p) => p.disconnect());
  }
  return times;
}

async function runLayout(nodeCount: number, redisUrl: string, databaseUrl: string): Promise<Result> {
  const nodes: ServerProcess[] = [];
  const dirs: string[] = [];
  const stop = onCleanup(() => {
    for (const node of nodes) if (node.child.exitCode === null) node.child.kill('SIGKILL');
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });
  for (let n = 0; n < nodeCount; n++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'setvisit-attention-bench-'));
    dirs.push(dataDir);
    nodes.push(
      await startServerProcess({
        dataDir,
        env: { SETVISIT_NODE_ID: `attention-${n + 1}`, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, SETVISIT_TRANSPORTS: 'websocket', SETVISIT_DRAIN_GRACE_MS: '0', SETVISIT_DRAIN_MS: '0', SETVISIT_QUIET: '1' },
      }),
    );
  }
  progress(`${nodeCount} node(s) up; connecting ${VIEWERS} viewers`);
  const viewers: Viewer[] = [];
  const startedAt = Date.now();
  try {
    for (let start = 0; start < VIEWERS; start += 200) {
      const sockets = await Promise.all(Array.from({ length: Math.min(200, VIEWERS - start) }, (_, i) => connect(nodes[(start + i) % nodes.length]!.url)));
      sockets.forEach((s) => viewers.push(viewerOn(s, startedAt)));
    }
    progress(`  ${viewers.length} viewers sampling for ${SECONDS} s`);
    const before = await Promise.all(nodes.map((n) => stats(n.url)));
    const cpuBefore = nodes.map((n) => readProcessUsage(n.child.pid!).cpuMs);
    const bytesBefore = viewers.reduce((sum, v) => sum + v.bytes, 0);
    const t0 = performance.now();
    // A fifth of the audience turns somewhere else every 10 s.
    const turning = setInterval(() => {
      for (const v of viewers) if (Math.random() < 0.2) v.direction.set(Math.random() * 360 - 180, Math.random() * 60 - 30, 75, 'desktop-look');
    }, 10_000);
    const radarTimes = lookToRadar(nodes, 8);
    await sleep(SECONDS * 1000);
    clearInterval(turning);
    const wallMs = performance.now() - t0;
    const bytes = viewers.reduce((sum, v) => sum + v.bytes, 0) - bytesBefore;
    const cpu = nodes.map((n, i) => readProcessUsage(n.child.pid!).cpuMs - cpuBefore[i]!);
    const after = await Promise.all(nodes.map((n) => stats(n.url)));
    const reports = after.reduce((s, a, i) => s + a.reportsAccepted - before[i]!.reportsAccepted, 0);
    const refusedCount = (x: { refused: Record<string, number> }) => Object.values(x.refused).reduce((a, b) => a + b, 0);
    const refused = after.reduce((s, a, i) => s + refusedCount(a) - refusedCount(before[i]!), 0);
    const minutes = wallMs / 60_000;
    return {
      nodes: nodeCount,
      viewers: VIEWERS,
      connected: viewers.filter((v) => v.socket.connected).length,
      reports,
      refused,
      bytesPerViewerMinute: bytes / viewers.length / minutes,
      reportsPerViewerMinute: reports / viewers.length / minutes,
      cpuMsPerReport: cpu.reduce((a, b) => a + b, 0) / Math.max(1, reports),
      nodeCpuMs: cpu,
      lookToRadar: distribution(await radarTimes),
      wallMs,
    };
  } finally {
    viewers.forEach((v) => {
      v.sampler.dispose();
      v.socket.disconnect();
    });
    for (const node of nodes) node.child.kill('SIGTERM');
    await Promise.all(nodes.map((n) => withTimeout(n.exited, 15_000, 'a node to stop').catch(() => n.child.kill('SIGKILL'))));
    stop();
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  }
}

function table(results: Result[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.nodes} | ${r.connected}/${r.viewers} | ${r.reports} | ${r.refused} | ${r.bytesPerViewerMinute.toFixed(0)} B | ${r.reportsPerViewerMinute.toFixed(2)} | ${(r.cpuMsPerReport * 1000).toFixed(0)} µs | ${r.nodeCpuMs.map((c) => `${(c / 1000).toFixed(1)} s`).join(' + ')} | ${formatMs(r.lookToRadar.p50)} / ${formatMs(r.lookToRadar.max)} |`,
  );
  return ['| nodes | viewers connected | reports accepted | refused | bytes / viewer / min | reports / viewer / min | server CPU / report | node CPU (run) | look → radar p50 / max |', '|---|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}

async function main(): Promise<number> {
  if (!Number.isInteger(VIEWERS) || VIEWERS < 5 || !(SECONDS >= 10)) throw new Error('--viewers must be an integer ≥ 5 and --seconds ≥ 10');
  progress('starting redis-server and PostgreSQL');
  const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  onCleanup(() => Promise.all([redis.stop(), postgres.stop()]).then(() => undefined));
  const results: Result[] = [];
  for (const [run, layout] of args.layouts.split(',').entries()) results.push(await runLayout(Number(layout), redis.url, await postgres.createDatabase(`attention_bench_${run}`)));
  const cores = (await import('node:os')).cpus().length;
  console.info(`One machine (${cores} cores) holds every node, Redis, PostgreSQL and all viewers; ${VIEWERS} viewers for ${SECONDS} s, PostgreSQL + Redis.\n`);
  console.info(table(results));
  return results.some((r) => r.refused > 0 || r.connected < r.viewers) ? 1 : 0;
}

process.on('SIGINT', () => void runCleanups().then(() => process.exit(130)));
main().then(
  async (code) => {
    await runCleanups();
    process.exit(code);
  },
  async (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    await runCleanups();
    process.exit(2);
  },
);
