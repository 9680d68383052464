// `npx tsx test/bench/scale-bench.ts`: over 1, 2 and 3 node processes sharing a real PostgreSQL and a real Redis
// (websocket-only, Redis Streams adapter), against one node alone on SQLite: part 1, the feed fan-out (delivery
// latency, exactly-once counts, CPU per node and per delivery, what one broadcast costs Redis); part 2, a meet-up
// reaction storm with the audience spread over the nodes (scale-meetup.ts). Everything runs on this one machine: the figures
// show the cost structure of scaling out, not the speed-up of adding machines (see docs/deploy.md).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from 'redis';
import { io, type Socket } from 'socket.io-client';
import { FeedEvent, PROTOCOL_VERSION, SOCKET_EVENTS, SubscribeReply } from '../../src/protocol';
import { startPostgres, type PostgresProcess } from '../helpers/postgres-process';
import { startRedis, type RedisProcess } from '../helpers/redis-process';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { OPERATOR_TOKEN, PROJECT_ID, validMilestone } from '../helpers/test-server';
import { onCleanup, pollUntil, runCleanups, sleep, withTimeout } from './bounded';
import { readMachineCpu, readProcessUsage } from './process-usage';
import { runMeetupStormOverNodes, type MeetupStormResult } from './scale-meetup';
import { distribution, formatCount, formatMs, type Distribution } from './stats';

interface Layout {
  label: string;
  nodes: number;
  shared: boolean;
}

interface LayoutResult {
  layout: Layout;
  clients: number;
  expected: number;
  received: number;
  duplicates: number;
  latency: Distribution;
  /** Node CPU during the posts, per node. */
  nodeCpuMs: number[];
  redisCpuMs: number;
  postgresCpuMs: number;
  benchCpuMs: number;
  othersCpuMs: number;
  wallMs: number;
  redisCommands: number;
  redisBytesIn: number;
  redisBytesOut: number;
  posts: number;
  meetup: MeetupStormResult | undefined;
}

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: process.env.BENCH_CLIENTS ?? '1500' },
    posts: { type: 'string', default: '30' },
    gap: { type: 'string', default: '100' },
    layouts: { type: 'string', default: 'sqlite-1,1,2,3' },
    part: { type: 'string', default: 'both' },
    'meetup-clients': { type: 'string', default: '500' },
    rate: { type: 'string', default: '25000' },
    seconds: { type: 'string', default: '20' },
  },
});
const FEED_PART = args.part === 'both' || args.part === 'feed';
const MEETUP_PART = args.part === 'both' || args.part === 'meetup';
const CLIENTS = Number(args.clients);
const POSTS = Number(args.posts);
const GAP_MS = Number(args.gap);
const progress = (line: string) => process.stderr.write(`${line}\n`);

const LAYOUTS: Record<string, Layout> = {
  'sqlite-1': { label: '1 node, SQLite, no Redis (the demo)', nodes: 1, shared: false },
  '1': { label: '1 node, PostgreSQL + Redis', nodes: 1, shared: true },
  '2': { label: '2 nodes, PostgreSQL + Redis', nodes: 2, shared: true },
  '3': { label: '3 nodes, PostgreSQL + Redis', nodes: 3, shared: true },
};

/**
 * CPU of the postmaster and every backend: its own time, the time of the backends it has reaped (cutime +
 * cstime, so a backend that exits between two readings still counts) and that of the live ones.
 */
function postgresTreeCpuMs(postmaster: number): number {
  const stat = readFileSync(`/proc/${postmaster}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: [13] cutime (field 16), [14] cstime (field 17), in clock ticks (100 per second here).
  let total = readProcessUsage(postmaster).cpuMs + ((Number(fields[13]) + Number(fields[14])) / 100) * 1000;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster) total += readProcessUsage(Number(entry)).cpuMs;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

async function redisStats(url: string): Promise<{ commands: number; bytesIn: number; bytesOut: number; cpuMs: number }> {
  const client = createClient({ url });
  await client.connect();
  try {
    // INFO's CPU figures have microsecond resolution, unlike /proc's 10 ms ticks.
    const info = `${await client.info('stats')}\n${await client.info('cpu')}`;
    const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
    return {
      commands: field('total_commands_processed'),
      bytesIn: field('total_net_input_bytes'),
      bytesOut: field('total_net_output_bytes'),
      cpuMs: (field('used_cpu_user') + field('used_cpu_sys')) * 1000,
    };
  } finally {
    await client.close();
  }
}

async function runLayout(layout: Layout, redis: RedisProcess, postgres: PostgresProcess, run: number): Promise<LayoutResult> {
  const databaseUrl = layout.shared ? await postgres.createDatabase(`scale_bench_${run}`) : undefined;
  const nodes: ServerProcess[] = [];
  const dirs: string[] = [];
  const stopNodes = onCleanup(() => {
    for (const node of nodes) if (node.child.exitCode === null) node.child.kill('SIGKILL');
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });
  for (let n = 0; n < layout.nodes; n++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'setvisit-scale-bench-'));
    dirs.push(dataDir);
    nodes.push(
      await startServerProcess({
        dataDir,
        env: {
          SETVISIT_POST_RATE: '100000',
          SETVISIT_NODE_ID: `bench-${n + 1}`,
          ...(layout.shared ? { DATABASE_URL: databaseUrl!, REDIS_URL: redis.url, SETVISIT_TRANSPORTS: 'websocket', SETVISIT_DRAIN_GRACE_MS: '0', SETVISIT_DRAIN_MS: '0' } : {}),
        },
      }),
    );
  }
  progress(`${layout.label}: ${nodes.length} node(s) up; connecting ${CLIENTS} clients`);

  // Clients spread evenly over the nodes, as a round-robin balancer would; all post through node 1.
  const received = new Map<number, Map<number, number>>(); // seq → client → first receipt time
  let duplicates = 0;
  const sockets: Socket[] = [];
  const stopSockets = onCleanup(() => sockets.forEach((s) => s.close()));
  for (let start = 0; start < CLIENTS; start += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, CLIENTS - start) }, async (_, i) => {
        const id = start + i;
        const socket = io(nodes[id % nodes.length]!.url, { transports: ['websocket'], auth: { v: PROTOCOL_VERSION }, reconnection: false, forceNew: true });
        sockets.push(socket);
        socket.on(SOCKET_EVENTS.event, (payload: unknown) => {
          const now = performance.now();
          const parsed = FeedEvent.safeParse(payload);
          if (!parsed.success) return;
          let byClient = received.get(parsed.data.seq);
          if (!byClient) received.set(parsed.data.seq, (byClient = new Map<number, number>()));
          if (byClient.has(id)) duplicates++;
          else byClient.set(id, now);
        });
        const reply = SubscribeReply.parse(await withTimeout(socket.emitWithAck(SOCKET_EVENTS.subscribe, { projectId: PROJECT_ID }), 30_000, 'subscribe'));
        if (!reply.ok) throw new Error(`subscribe refused: ${reply.error.message}`);
      }),
    );
  }
  await sleep(1_000); // let the connect work settle before measuring

  const redisBefore = layout.shared ? await redisStats(redis.url) : undefined;
  const nodeCpuBefore = nodes.map((node) => readProcessUsage(node.child.pid!).cpuMs);
  const postgresCpuBefore = postgresTreeCpuMs(postgres.pid);
  const benchCpuBefore = process.cpuUsage();
  const machineBefore = readMachineCpu().busyMs;
  const wallStart = performance.now();
  const postedAt = new Map<number, number>();
  for (let i = 0; FEED_PART && i < POSTS; i++) {
    const started = performance.now();
    const res = await fetch(`${nodes[0]!.url}/api/projects/${PROJECT_ID}/milestones`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${OPERATOR_TOKEN}` },
      body: JSON.stringify(validMilestone(i)),
    });
    if (res.status !== 201) throw new Error(`POST answered ${res.status}`);
    postedAt.set(((await res.json()) as { seq: number }).seq, started);
    await sleep(GAP_MS);
  }
  const expected = FEED_PART ? POSTS * CLIENTS : 0;
  const count = () => [...postedAt.keys()].reduce((sum, seq) => sum + (received.get(seq)?.size ?? 0), 0);
  await pollUntil(() => count() >= expected, 30_000);
  const wallMs = performance.now() - wallStart;
  const nodeCpuMs = nodes.map((node, n) => readProcessUsage(node.child.pid!).cpuMs - nodeCpuBefore[n]!);
  const postgresCpuMs = postgresTreeCpuMs(postgres.pid) - postgresCpuBefore;
  const bench = process.cpuUsage(benchCpuBefore);
  const benchCpuMs = (bench.user + bench.system) / 1000;
  const machineMs = readMachineCpu().busyMs - machineBefore;
  const redisAfter = layout.shared ? await redisStats(redis.url) : undefined;
  const redisCpuMs = redisAfter && redisBefore ? redisAfter.cpuMs - redisBefore.cpuMs : 0;

  const latencies: number[] = [];
  for (const [seq, started] of postedAt) for (const at of received.get(seq)?.values() ?? []) latencies.push(at - started);
  stopSockets();
  sockets.forEach((s) => s.close());
  const meetup =
    MEETUP_PART && layout.shared
      ? await runMeetupStormOverNodes(nodes, redis.url, `scale-bench-${run}`, {
          clients: Number(args['meetup-clients']),
          reactionsPerMinute: Number(args.rate),
          seconds: Number(args.seconds),
          progress,
        })
      : undefined;
  await Promise.all(
    nodes.map(async (node) => {
      node.child.kill('SIGTERM');
      await withTimeout(node.exited, 15_000, 'node exit').catch(() => node.child.kill('SIGKILL'));
    }),
  );
  stopNodes();
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    layout,
    clients: CLIENTS,
    expected,
    received: count(),
    duplicates,
    latency: distribution(latencies),
    nodeCpuMs,
    redisCpuMs: layout.shared ? redisCpuMs : 0,
    postgresCpuMs: layout.shared ? postgresCpuMs : 0,
    benchCpuMs,
    othersCpuMs: Math.max(0, machineMs - sum(nodeCpuMs) - redisCpuMs - postgresCpuMs - benchCpuMs),
    wallMs,
    redisCommands: redisAfter && redisBefore ? redisAfter.commands - redisBefore.commands : 0,
    redisBytesIn: redisAfter && redisBefore ? redisAfter.bytesIn - redisBefore.bytesIn : 0,
    redisBytesOut: redisAfter && redisBefore ? redisAfter.bytesOut - redisBefore.bytesOut : 0,
    posts: POSTS,
    meetup,
  };
}

function meetupTable(results: LayoutResult[]): string {
  const shown = results.filter((r) => r.meetup);
  const m = (r: LayoutResult) => r.meetup!;
  const rows: [string, (r: LayoutResult) => string, string][] = [
    ['Backers joined (per node)', (r) => `${formatCount(m(r).joined)} (${formatCount(m(r).joined / m(r).nodes)})`, 'one gold token each, round-robin over the nodes'],
    ['Reactions sent / counted', (r) => `${formatCount(m(r).sent)} / ${formatCount(m(r).counted)}`, 'counted: stored totals (GET /api/meetups/:id/reactions) after the storm'],
    ['Window broadcasts per socket per second', (r) => `${m(r).windowsPerSecond.p50.toFixed(2)} (min ${m(r).windowsPerSecond.min.toFixed(2)}, max ${m(r).windowsPerSecond.max.toFixed(2)})`, 'one aggregate per room: at most 4/s with 250 ms windows, whatever the node count'],
    ['Audience messages per socket per second', (r) => m(r).presencePerSecond.toFixed(2), 'meetup:presence received, p50 over sockets (grows with nodes: see deploy.md)'],
    ['Window close → receipt p50 / p99', (r) => `${formatMs(m(r).windowLatency.p50)} / ${formatMs(m(r).windowLatency.p99)}`, 'server clock startedAt + at → Date.now() at receipt, every (window, socket)'],
    ['Node CPU, each node', (r) => m(r).nodeCpuMs.map((ms) => `${((ms / m(r).wallMs) * 100).toFixed(0)} %`).join(' · '), '/proc utime+stime over the storm ÷ its wall time (share of one core)'],
    ['Node CPU per reaction, all nodes', (r) => `${((m(r).nodeCpuMs.reduce((a, b) => a + b, 0) / Math.max(1, m(r).sent)) * 1000).toFixed(0)} µs`, 'sum over nodes ÷ reactions sent (includes fanning the windows out)'],
    ['Redis CPU during the storm', (r) => `${((m(r).redisCpuMs / m(r).wallMs) * 100).toFixed(1)} % of a core`, 'INFO cpu ÷ storm wall time'],
    ['Redis commands per second', (r) => formatCount(m(r).redisCommands / (m(r).wallMs / 1000)), 'INFO stats total_commands_processed ÷ storm wall time'],
    ['Disconnects', (r) => formatCount(m(r).disconnects), 'sockets closed during the storm; must be 0'],
  ];
  const header = `| Figure | ${shown.map((r) => r.layout.label).join(' | ')} | Method |`;
  const rule = `|---|${shown.map(() => '---|').join('')}---|`;
  return [header, rule, ...rows.map(([name, cell, method]) => `| ${name} | ${shown.map(cell).join(' | ')} | ${method} |`)].join('\n');
}

function table(results: LayoutResult[]): string {
  const rows: [string, (r: LayoutResult) => string, string][] = [
    ['Clients (per node)', (r) => `${formatCount(r.clients)} (${formatCount(r.clients / r.layout.nodes)})`, 'spread evenly, all websocket'],
    ['Deliveries received / expected', (r) => `${formatCount(r.received)} / ${formatCount(r.expected)}`, 'distinct (milestone, client) pairs'],
    ['Duplicates', (r) => formatCount(r.duplicates), 'same seq twice to one client; must be 0'],
    ['Delivery latency p50', (r) => formatMs(r.latency.p50), 'before POST → client receipt, every pair'],
    ['Delivery latency p95', (r) => formatMs(r.latency.p95), 'same'],
    ['Delivery latency p99', (r) => formatMs(r.latency.p99), 'same'],
    ['Node CPU per milestone, each node', (r) => r.nodeCpuMs.map((ms) => formatMs(ms / r.posts)).join(' · '), '/proc utime+stime over the post phase ÷ milestones (node 1 takes the POSTs)'],
    ['Node CPU per milestone, all nodes', (r) => formatMs(r.nodeCpuMs.reduce((a, b) => a + b, 0) / r.posts), 'sum of the above'],
    ['Node CPU per delivery', (r) => `${((r.nodeCpuMs.reduce((a, b) => a + b, 0) / r.expected) * 1000).toFixed(1)} µs`, 'all nodes ÷ deliveries'],
    ['Redis CPU per broadcast', (r) => (r.layout.shared ? formatMs(r.redisCpuMs / r.posts) : '—'), 'INFO cpu used_cpu_user+sys (main thread) ÷ milestones'],
    ['Redis commands per broadcast', (r) => (r.layout.shared ? (r.redisCommands / r.posts).toFixed(1) : '—'), 'INFO stats total_commands_processed ÷ milestones (includes blocking XREADs and PINGs)'],
    ['Redis bytes in / out per broadcast', (r) => (r.layout.shared ? `${formatCount(r.redisBytesIn / r.posts)} / ${formatCount(r.redisBytesOut / r.posts)}` : '—'), 'INFO stats net input/output ÷ milestones'],
    ['PostgreSQL CPU per milestone', (r) => (r.layout.shared ? formatMs(r.postgresCpuMs / r.posts) : '—'), 'postmaster + backends /proc CPU ÷ milestones'],
    ['Benchmark process CPU', (r) => formatMs(r.benchCpuMs), 'all the clients, same window: competes for the same 2 cores'],
    ['Other processes', (r) => `${((r.othersCpuMs / (r.wallMs * 2)) * 100).toFixed(0)} % of the machine`, '/proc/stat busy minus the above, ÷ (wall × 2 cores)'],
  ];
  const header = `| Figure | ${results.map((r) => r.layout.label).join(' | ')} | Method |`;
  const rule = `|---|${results.map(() => '---|').join('')}---|`;
  return [header, rule, ...rows.map(([name, cell, method]) => `| ${name} | ${results.map(cell).join(' | ')} | ${method} |`)].join('\n');
}

async function main(): Promise<number> {
  const wanted = args.layouts.split(',').map((name) => {
    const layout = LAYOUTS[name.trim()];
    if (!layout) throw new Error(`unknown layout "${name}"; use ${Object.keys(LAYOUTS).join(',')}`);
    return layout;
  });
  if (!Number.isInteger(CLIENTS) || CLIENTS < 1 || !Number.isInteger(POSTS) || POSTS < 1) throw new Error('--clients and --posts must be integers ≥ 1');
  progress('starting redis-server and PostgreSQL');
  const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  onCleanup(() => Promise.all([redis.stop(), postgres.stop()]).then(() => undefined));
  const results: LayoutResult[] = [];
  for (const [run, layout] of wanted.entries()) results.push(await runLayout(layout, redis, postgres, run));
  const cores = (await import('node:os')).cpus().length;
  console.info(`One machine (${cores} cores) holds every node, Redis, PostgreSQL and all clients.\n`);
  if (FEED_PART) console.info(`${CLIENTS} clients, ${POSTS} milestones ${GAP_MS} ms apart, posted through node 1.\n`);
  if (FEED_PART) console.info(`Part 1: feed fan-out\n\n${table(results)}`);
  if (MEETUP_PART && results.some((r) => r.meetup)) {
    console.info(`\nPart 2: one meet-up, ${args['meetup-clients']} backers, ${args.rate} reactions/min for ${args.seconds} s, one reaction per message\n\n${meetupTable(results)}`);
  }
  const wrong = results.some((r) => r.received !== r.expected || r.duplicates > 0 || (r.meetup && (r.meetup.counted !== r.meetup.sent || r.meetup.disconnects > 0)));
  if (wrong) console.error('\nDelivery was not exactly once, or reactions were lost, in at least one layout.');
  return wrong ? 1 : 0;
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
