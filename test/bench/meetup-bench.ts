// Owns the meet-up benchmark (`npx tsx test/bench/meetup-bench.ts`, `npm run bench:meetup` once the script is
// added): arguments, one bounded run, the table of figures, and the exit code (correctness only, never speed).
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { runCleanups, withTimeout } from './bounded';
import { measureClientCost, type ClientCostResult } from './meetup-client-cost';
import { runStorm, type StormResult } from './meetup-audience';
import { childPids } from './process-usage';
import { formatCount, formatMiB, formatMs } from './stats';

const USAGE = `npx tsx test/bench/meetup-bench.ts [options]

  --clients N          backers joined to the meet-up (default 2000, or BENCH_CLIENTS)
  --rate N             reactions per minute, all backers together (default 100000)
  --seconds N          length of the storm (default 30)
  --question-every MS  one question (and five upvotes) this often (default 1000)
  --batch N            backers connecting at once (default 100)
  --repeats N          replays of the received windows for the client cost (default 20)
  --max-minutes N      abort (cleanly) if the whole benchmark takes longer (default 10)
  --help`;

interface Settings {
  clients: number;
  rate: number;
  seconds: number;
  questionEveryMs: number;
  batch: number;
  repeats: number;
  maxMinutes: number;
}

function readSettings(): Settings | undefined {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string' },
      rate: { type: 'string' },
      seconds: { type: 'string' },
      'question-every': { type: 'string' },
      batch: { type: 'string' },
      repeats: { type: 'string' },
      'max-minutes': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) return undefined;
  const integer = (name: string, raw: string | undefined, fallback: number, min: number, max: number): number => {
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be an integer from ${min} to ${max}, got "${raw}"`);
    return value;
  };
  // Bounded: the count, the rate and the time all have ceilings, so a typo cannot hang the machine.
  return {
    clients: integer('clients', values.clients ?? process.env.BENCH_CLIENTS, 2000, 1, 10_000),
    rate: integer('rate', values.rate, 100_000, 1, 1_000_000),
    seconds: integer('seconds', values.seconds, 30, 1, 300),
    questionEveryMs: integer('question-every', values['question-every'], 1000, 100, 60_000),
    batch: integer('batch', values.batch, 100, 1, 1000),
    repeats: integer('repeats', values.repeats, 20, 1, 1000),
    maxMinutes: integer('max-minutes', values['max-minutes'], 10, 1, 60),
  };
}

const progress = (line: string): void => void process.stderr.write(`[bench:meetup] ${line}\n`);

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
  const started = performance.now();
  const storm = await withTimeout(
    runStorm({ clients: s.clients, reactionsPerMinute: s.rate, stormSeconds: s.seconds, questionEveryMs: s.questionEveryMs, batchSize: s.batch, progress }),
    s.maxMinutes * 60_000,
    `the storm (--max-minutes ${s.maxMinutes})`,
  );
  progress(`storm done; replaying ${storm.windows.length} windows ${s.repeats}× for the client cost`);
  const client = measureClientCost(storm.windows, s.repeats);
  console.info(table(s, storm, client));
  console.info(notes(s, storm, (performance.now() - started) / 1000));
  const problems = correctnessProblems(storm, client);
  for (const p of problems) console.error(`PROBLEM: ${p}`);
  return problems.length ? 1 : 0;
}

function table(s: Settings, r: StormResult, c: ClientCostResult): string {
  const cores = cpus().length;
  const rows: [string, string, string][] = [];
  const add = (figure: string, value: string, method: string) => rows.push([figure, value, method]);
  const share = (cpuMs: number, wallMs: number) => `${((cpuMs / wallMs) * 100).toFixed(0)} % of a core`;
  add('**Part 1: the room under the storm (real server, real sockets)**', '', '');
  add('Backers joined / refused', `${formatCount(r.joined)} / ${formatCount(r.refusedJoins)}`, `${s.clients} gold tokens + 1 probe, each its own caller; join ack ok`);
  add('Join phase', formatMs(r.connectMs), `connect + meetup:join ack, batches of ${s.batch}`);
  add('Reactions sent', formatCount(r.sent.reactions + r.sent.probes), `${formatCount(r.sent.messages)} storm messages of 1 reaction (${s.rate}/min) + ${r.sent.probes} probes, over ${(r.server.wallMs / 1000).toFixed(1)} s`);
  add('Reactions counted', formatCount(r.counted), "the room's stored totals after the last window (GET /api/meetups/:id/reactions)");
  add('Storm end → last reaction counted', formatMs(r.drainMs), 'how far the room was behind when the sending stopped');
  add('Dropped (sent − counted)', formatCount(r.dropped), 'refused by a limit or lost; must be 0 at this rate');
  add('Refusals seen', Object.entries(r.refusals).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none', 'meetup:error events (≤ 1/s per socket)');
  add('Questions asked / refused', `${r.sent.questions} / ${r.questionsRefused}`, `one every ${s.questionEveryMs} ms, acked`);
  add('Upvotes / refused', `${r.sent.upvotes} / ${r.upvotesRefused}`, 'five per question, from other backers');
  add('Window broadcasts per second, per room', r.broadcastsPerSecond.toFixed(2), "(windows − 1) ÷ (last − first window's `at`): the server's clock, one room");
  add('Presence broadcasts during the storm', formatCount(r.presenceBroadcastsDuringStorm), 'nobody joined or left: should be 0');
  add('Missing window deliveries', formatCount(r.missingDeliveries), 'Σ over sockets of (most windows any socket got − its own)');
  add('Disconnects', `${formatCount(r.disconnects)}${r.disconnects ? ` (${Object.entries(r.disconnectReasons).map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}`, 'sockets closed during the run (no reconnection), by socket.io reason');
  add('Reaction → screen latency p50', formatMs(r.reactionLatency.p50), 'probe emit → each socket receives the window that counted it (includes the ≤ 250 ms window)');
  add('Reaction → screen latency p99', formatMs(r.reactionLatency.p99), `same, ${formatCount(r.reactionLatency.count)} samples`);
  add('Reaction → screen latency max', formatMs(r.reactionLatency.max), 'same');
  add('Window end → receipt p50', formatMs(r.windowLatency.p50), 'server window close (startedAt + at) → socket receipt, Date.now() on one machine');
  add('Window end → receipt p99', formatMs(r.windowLatency.p99), `same, ${formatCount(r.windowLatency.count)} samples`);
  add('Question → board latency p50 / p99', `${formatMs(r.questionLatency.p50)} / ${formatMs(r.questionLatency.p99)}`, 'ask emit → the probe receives meetup:question');
  add('Server CPU during the storm', `${formatMs(r.server.cpuMs)} (${share(r.server.cpuMs, r.server.wallMs)})`, '/proc/<pid>/stat utime+stime over the storm');
  add('Server CPU, join phase', formatMs(r.server.connectCpuMs), 'same, connect + join of every backer');
  add('Server RSS at the end / peak', `${formatMiB(r.server.rssBytes)} / ${formatMiB(r.server.peakRssBytes)}`, 'VmRSS / VmHWM');
  add('Benchmark process CPU during the storm', `${formatMs(r.benchCpuMs)} (${share(r.benchCpuMs, r.server.wallMs)})`, 'all sockets live in this one process, on the same cores');
  add('Other processes during the storm', `${((r.othersCpuMs / (r.server.wallMs * cores)) * 100).toFixed(0)} % of the machine`, `(/proc/stat busy − server − bench) ÷ (wall × ${cores})`);
  add('**Part 2: client cost of applying the storm**', '', '');
  add('Frames replayed', `${formatCount(c.frames)} × ${s.repeats}`, `60 Hz clock over the storm plus one particle life; ${c.windows} windows as received`);
  add('Per frame p50 / p99 / max', `${(c.perFrameMs.p50 * 1000).toFixed(1)} µs / ${(c.perFrameMs.p99 * 1000).toFixed(1)} µs / ${formatMs(c.perFrameMs.max)}`, 'validate window + store write + particle add, one particle step (no drawing)');
  add('Frames with a window p50 / p99', `${(c.perWindowFrameMs.p50 * 1000).toFixed(1)} µs / ${(c.perWindowFrameMs.p99 * 1000).toFixed(1)} µs`, 'the same, only frames that applied a window');
  add('Particles alive at most', formatCount(c.maxAlive), 'ParticlePool capacity bounds what a TV draws per frame');
  add('Reactions shown as particles / summed only', `${formatCount(c.shown)} / ${formatCount(c.notShown)}`, 'spawn budget per frame and backlog cap (the counters show every one)');
  return ['', '| Figure | Value | Method |', '|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function notes(s: Settings, r: StormResult, seconds: number): string {
  const cores = cpus();
  return [
    '',
    `Settings: ${s.clients} backers, ${s.rate} reactions/min for ${s.seconds} s, a question every ${s.questionEveryMs} ms; took ${seconds.toFixed(0)} s.`,
    `Machine: ${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, loopback only; the server is a child process, every socket lives in this one.`,
    r.serverComplaints.length ? `Server warnings/errors (${r.serverComplaints.length}):\n${r.serverComplaints.slice(0, 10).map((c) => `  ${c}`).join('\n')}` : 'The server logged no warnings or errors.',
  ].join('\n');
}

function correctnessProblems(r: StormResult, c: ClientCostResult): string[] {
  const problems: string[] = [];
  if (r.refusedJoins) problems.push(`${r.refusedJoins} joins refused`);
  if (r.dropped !== 0) problems.push(`${r.dropped} reactions sent but not counted (negative: counted more than sent)`);
  if (r.missingDeliveries) problems.push(`${r.missingDeliveries} window deliveries missing`);
  if (r.disconnects) problems.push(`${r.disconnects} sockets disconnected`);
  // One room, one aggregate per window: more than 4 a second (plus rounding) means windows were split or doubled.
  if (r.broadcastsPerSecond > 4.2) problems.push(`${r.broadcastsPerSecond.toFixed(2)} window broadcasts a second in one room`);
  if (c.rejectedWindows) problems.push(`${c.rejectedWindows} windows failed the client's validation`);
  return problems;
}

process.once('SIGINT', () => {
  progress('interrupted; stopping sockets and the server');
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
