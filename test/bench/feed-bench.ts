// Owns `npm run bench:feed`: arguments, the runs, the table of medians, and the exit code (correctness only).
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { runApplyThroughput, type ApplyResult } from './apply-throughput';
import { runCleanups } from './bounded';
import { runFanout, type FanoutResult } from './fanout';
import { childPids } from './process-usage';
import { formatCount, formatMiB, formatMs, median } from './stats';

const USAGE = `npm run bench:feed -- [options]

  --clients N        simulated backers connected to the real server (default 2000, or BENCH_CLIENTS)
  --posts M          milestones posted, one at a time (default 50)
  --gap MS           pause after each POST's answer (default 100)
  --batch N          clients connecting at once (default 100)
  --burst N          events in the client apply burst (default 10000)
  --runs N           whole-benchmark repetitions; the table shows medians (default 3)
  --drain-timeout MS how long to wait after the last POST for every delivery (default 30000)
  --max-minutes N    abort (cleanly) if the whole benchmark takes longer (default 15)
  --help`;

interface Settings {
  clients: number;
  posts: number;
  gapMs: number;
  batchSize: number;
  burst: number;
  runs: number;
  drainTimeoutMs: number;
  maxMinutes: number;
}

interface Run {
  fanout: FanoutResult;
  apply: ApplyResult;
}

interface Row {
  figure: string;
  value: string;
  perRun: string;
  method: string;
}

function readSettings(): Settings | undefined {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string' },
      posts: { type: 'string' },
      gap: { type: 'string' },
      batch: { type: 'string' },
      burst: { type: 'string' },
      runs: { type: 'string' },
      'drain-timeout': { type: 'string' },
      'max-minutes': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) return undefined;
  const integer = (name: string, raw: string | undefined, fallback: number, min: number): number => {
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${raw}"`);
    return value;
  };
  return {
    clients: integer('clients', values.clients ?? process.env.BENCH_CLIENTS, 2000, 1),
    posts: integer('posts', values.posts, 50, 1),
    gapMs: integer('gap', values.gap, 100, 0),
    batchSize: integer('batch', values.batch, 100, 1),
    burst: integer('burst', values.burst, 10_000, 1),
    runs: integer('runs', values.runs, 3, 1),
    drainTimeoutMs: integer('drain-timeout', values['drain-timeout'], 30_000, 1),
    maxMinutes: integer('max-minutes', values['max-minutes'], 15, 1),
  };
}

const progress = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);

async function main(): Promise<number> {
  let settings: Settings | undefined;
  try {
    settings = readSettings();
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (!settings) {
    console.info(USAGE);
    return 0;
  }
  const s = settings;
  // A last resort for a hang no individual timeout caught: stop everything and say so.
  setTimeout(() => {
    console.error(`the benchmark took longer than ${s.maxMinutes} min; stopping`);
    void runCleanups().finally(() => process.exit(3));
  }, s.maxMinutes * 60_000).unref();

  const began = performance.now();
  const runs: Run[] = [];
  for (let run = 1; run <= s.runs; run++) {
    progress(`run ${run}/${s.runs}: fan-out, ${s.clients} clients × ${s.posts} milestones`);
    const fanout = await runFanout({ clients: s.clients, posts: s.posts, gapMs: s.gapMs, batchSize: s.batchSize, drainTimeoutMs: s.drainTimeoutMs, progress });
    progress(
      `run ${run}/${s.runs}: ${fanout.receivedDeliveries}/${fanout.expectedDeliveries} delivered, p50 ${formatMs(fanout.latency.p50)}, p99 ${formatMs(fanout.latency.p99)}`,
    );
    progress(`run ${run}/${s.runs}: apply burst of ${s.burst} events into one ProjectFeed`);
    const apply = await runApplyThroughput({ burst: s.burst, frameMs: 16, timeoutMs: 60_000 });
    progress(`run ${run}/${s.runs}: ${formatCount(apply.eventsPerSecond)} events/s, ${apply.storeWrites} store writes`);
    runs.push({ fanout, apply });
  }
  const totalSeconds = (performance.now() - began) / 1000;

  console.info(table(s, runs));
  console.info(notes(s, runs, totalSeconds));
  const problems = correctnessProblems(s, runs);
  if (problems.length) {
    console.error(`\nCORRECTNESS FAILURE (not a timing result):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  console.info('\nCorrectness: every delivery arrived exactly once; the apply burst was applied in order with no duplicates, gaps or rejects.');
  return 0;
}

function table(s: Settings, runs: Run[]): string {
  const rows: Row[] = [];
  const add = (figure: string, values: number[], format: (n: number) => string, method: string) =>
    rows.push({ figure, value: format(median(values)), perRun: values.map(format).join(' · '), method });
  const total = (figure: string, values: number[], method: string) =>
    rows.push({ figure, value: `${formatCount(values.reduce((a, b) => a + b, 0))} in all`, perRun: values.map(formatCount).join(' · '), method });
  const f = runs.map((r) => r.fanout);
  const a = runs.map((r) => r.apply);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const rate = (n: number) => `${formatCount(n)}/s`;
  const coreShare = (r: FanoutResult) => (r.server.postsCpuMs / r.server.postsWallMs) * 100;
  const cores = cpus().length;
  const machineShare = (cpuMs: number, wallMs: number) => (cpuMs / (wallMs * cores)) * 100;
  const percentOfMachine = (n: number) => `${n.toFixed(0)} % of the machine`;

  rows.push({ figure: '**Part 1: fan-out (real server process)**', value: '', perRun: '', method: '' });
  add('Connect + subscribe, all clients', f.map((r) => r.connectMs), seconds, `first connect → last subscribe ack; batches of ${s.batchSize}`);
  add('Connect rate', f.map((r) => (s.clients / r.connectMs) * 1000), rate, 'clients ÷ connect time');
  add('Deliveries expected', f.map((r) => r.expectedDeliveries), formatCount, 'clients × milestones whose POST got a 201');
  add('Deliveries received', f.map((r) => r.receivedDeliveries), formatCount, 'distinct (milestone, client) pairs that arrived');
  total('Deliveries missing', f.map((r) => r.missing), 'expected pairs never received before the drain timeout');
  total('Deliveries duplicated', f.map((r) => r.duplicates), 'a client received the same seq again');
  total('Unexpected events', f.map((r) => r.unexpected), 'a seq no POST produced, or no readable seq');
  total('Client disconnects', f.map((r) => r.disconnects), 'sockets closed after subscribing (no reconnection)');
  add('Delivery latency p50', f.map((r) => r.latency.p50), formatMs, 'performance.now() before POST → client receipt of that seq, every pair');
  add('Delivery latency p95', f.map((r) => r.latency.p95), formatMs, 'same samples');
  add('Delivery latency p99', f.map((r) => r.latency.p99), formatMs, 'same samples');
  add('Delivery latency max', f.map((r) => r.latency.max), formatMs, 'same samples');
  add('Last client reached, p50 of milestones', f.map((r) => r.lastClient.p50), formatMs, 'per milestone: POST → receipt by its last client');
  add('Last client reached, max', f.map((r) => r.lastClient.max), formatMs, 'same, worst milestone');
  add('POST round trip p50', f.map((r) => r.postRoundTrip.p50), formatMs, 'fetch() start → 201 body read');
  add('POST round trip max', f.map((r) => r.postRoundTrip.max), formatMs, 'same samples');
  add('Server CPU, connect phase', f.map((r) => r.server.connectCpuMs), formatMs, '/proc/<pid>/stat utime+stime, difference');
  add('Server CPU, post phase', f.map((r) => r.server.postsCpuMs), formatMs, 'same, first POST → all delivered (includes the gaps)');
  add('Server CPU share, post phase', f.map(coreShare), (n) => `${n.toFixed(0)} % of a core`, 'post-phase CPU ÷ its wall time');
  add('Server RSS, idle', f.map((r) => r.server.rssIdleBytes), formatMiB, '/proc/<pid>/status VmRSS after start');
  add('Server RSS, clients connected', f.map((r) => r.server.rssConnectedBytes), formatMiB, 'VmRSS after all subscribed');
  add('Server RSS, after posts', f.map((r) => r.server.rssAfterPostsBytes), formatMiB, 'VmRSS after all delivered');
  add('Server RSS, peak', f.map((r) => r.server.peakRssBytes), formatMiB, 'VmHWM at the end of the post phase');
  add('Benchmark process CPU, post phase', f.map((r) => r.benchCpuPostsMs), formatMs, 'process.cpuUsage() of the clients, same window');
  add(
    'Other processes, connect phase',
    f.map((r) => machineShare(r.othersConnectCpuMs, r.connectMs)),
    percentOfMachine,
    `(/proc/stat busy − server − benchmark) ÷ (wall × ${cores} cores)`,
  );
  add('Other processes, post phase', f.map((r) => machineShare(r.othersPostsCpuMs, r.server.postsWallMs)), percentOfMachine, 'same, post phase');

  rows.push({ figure: '**Part 2: client apply (one ProjectFeed)**', value: '', perRun: '', method: '' });
  add('Burst applied', a.map((r) => r.applied), formatCount, `feed.stats.applied, of ${formatCount(s.burst)} emitted`);
  add('Apply throughput', a.map((r) => r.eventsPerSecond), (n) => `${formatCount(n)} events/s`, "applied ÷ (first emit → last on('applied'))");
  add('First emit → last applied', a.map((r) => r.elapsedMs), formatMs, 'performance.now(), same process as the scripted server');
  add('Emit loop (server side)', a.map((r) => r.emitLoopMs), formatMs, 'the synchronous emit of the burst; part of the time above');
  add('Other processes, burst', a.map((r) => machineShare(r.othersCpuMs, r.elapsedMs)), percentOfMachine, 'as in part 1, first emit → last applied');
  add('Store writes', a.map((r) => r.storeWrites), formatCount, 'feed.stats.storeWrites during the burst; frame = 16 ms timer');
  total('Duplicates + gaps + rejects', a.map((r) => r.duplicates + r.gaps + r.rejected), 'feed.stats; must be 0');
  add('Heap used before', a.map((r) => r.heapBeforeBytes), formatMiB, 'process.memoryUsage().heapUsed after a full GC, feed live');
  add('Heap used at end, no GC', a.map((r) => r.heapAtEndBytes), formatMiB, 'right after the last store write');
  add('Heap used after', a.map((r) => r.heapAfterBytes), formatMiB, 'after a full GC, feed still holding its state');

  const header = `| Figure | Median of ${runs.length} run${runs.length === 1 ? '' : 's'} | Each run | Method |`;
  const lines = rows.map((r) => `| ${r.figure} | ${r.value} | ${r.perRun} | ${r.method} |`);
  return ['', header, '|---|---|---|---|', ...lines].join('\n');
}

function notes(s: Settings, runs: Run[], totalSeconds: number): string {
  const complaints = runs.flatMap((r) => r.fanout.serverComplaints);
  const timedOut = runs.filter((r) => r.fanout.drainTimedOut).length;
  const cores = cpus();
  return [
    '',
    `Settings: ${s.clients} clients, ${s.posts} milestones ${s.gapMs} ms apart, connect batches of ${s.batchSize}, burst of ${s.burst}, ${s.runs} run(s); took ${totalSeconds.toFixed(0)} s.`,
    `Machine: ${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, loopback only.`,
    'The clients are not on other machines: all of them run in this one Node process and share the cores with the',
    'server process, so the latencies include the clients\' own queueing and the server had less than the whole machine.',
    'Each run starts a fresh server (temp SQLite file) with SETVISIT_POST_RATE=100000 and not SETVISIT_QUIET (see docs/benchmarks.md).',
    timedOut ? `The drain timeout (${s.drainTimeoutMs} ms) expired in ${timedOut} run(s).` : 'Every run drained before its timeout.',
    complaints.length ? `Server warnings/errors (${complaints.length}):\n${complaints.slice(0, 10).map((c) => `  ${c}`).join('\n')}` : 'The server logged no warnings or errors.',
  ].join('\n');
}

function correctnessProblems(s: Settings, runs: Run[]): string[] {
  const problems: string[] = [];
  runs.forEach(({ fanout: f, apply: a }, i) => {
    const run = `run ${i + 1}`;
    if (f.missing) problems.push(`${run}: ${f.missing} of ${f.expectedDeliveries} deliveries missing (${f.disconnects} clients disconnected)`);
    if (f.duplicates) problems.push(`${run}: ${f.duplicates} deliveries duplicated`);
    if (f.unexpected) problems.push(`${run}: ${f.unexpected} unexpected events`);
    if (a.applied !== s.burst) problems.push(`${run}: the feed applied ${a.applied} of ${s.burst} events`);
    if (a.duplicates || a.gaps || a.rejected) problems.push(`${run}: the feed counted ${a.duplicates} duplicates, ${a.gaps} gaps, ${a.rejected} rejects`);
    if (!a.storeCaughtUp) problems.push(`${run}: the store did not reach the last event`);
  });
  return problems;
}

// A server child must never outlive the benchmark: on Ctrl-C stop everything; on any exit, kill what is left.
process.once('SIGINT', () => {
  progress('interrupted; stopping clients and the server');
  void runCleanups().finally(() => process.exit(130));
});
process.once('exit', () => {
  for (const pid of childPids(process.pid, 'src/server/main.ts')) process.kill(pid, 'SIGKILL');
});

let code: number;
try {
  code = await main();
} catch (err) {
  console.error(`the benchmark could not finish: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  code = 2;
}
await runCleanups();
process.exit(code);
