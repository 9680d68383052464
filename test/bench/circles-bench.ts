// `npm run bench:circles`: circles at scale, over loopback. 500 circles × 6 members (`--circles`, `--members`) on
// one node (SQLite, no Redis), then over two nodes (PostgreSQL + Redis, each circle's members spread over both).
// Every member is the real circle client (src/circles: socket, shared clock, follower) over a simulated player
// (test/helpers/circle-member.ts), so the sync path is the product's own; only the video is stood in (its seeks and
// loads land at once, so the figures are the sync path's, not a decoder's). Each circle's host moves to another
// location and seeks once every 10 s (`--every`), for `--seconds` (60 by default) after everyone has joined.
// Figures: circle messages a second, server CPU per member, the time from a host's command until every other
// member's player follows it (p50/p99), drift p95 after settling, memory. Bounded: every wait has a deadline, and
// every process it starts is stopped, even on failure.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Socket } from 'socket.io-client';
import { circleMediaTime, type CircleView } from '../../src/protocol/circle';
import { SimulatedMember } from '../helpers/circle-member';
import { startPostgres, type PostgresProcess } from '../helpers/postgres-process';
import { startRedis, type RedisProcess } from '../helpers/redis-process';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { PROJECT_ID } from '../helpers/test-server';
import { onCleanup, runCleanups, sleep, withTimeout } from './bounded';
import { childPids, readProcessUsage } from './process-usage';
import { DRIFT_BUDGET_S, table, type Result } from './circles-bench-table';
import { distribution } from './stats';

const { values: args } = parseArgs({
  options: {
    circles: { type: 'string', default: '500' },
    members: { type: 'string', default: '6' },
    seconds: { type: 'string', default: '60' },
    every: { type: 'string', default: '10' },
    layouts: { type: 'string', default: '1,2' },
  },
});
const CIRCLES = Number(args.circles);
const MEMBERS = Number(args.members);
const SECONDS = Number(args.seconds);
const EVERY_MS = Number(args.every) * 1000;
const LOCATIONS = ['backlot', 'stage-a', 'village'];
/** A member follows a command once its player is at the circle's location within this of the circle's time. */
const FOLLOWED_WITHIN_S = 0.1;
/** Drift is read only this long after a circle's last command: "after settling". */
const SETTLE_MS = 1_000;
const progress = (line: string) => process.stderr.write(`${line}\n`);

interface Circle {
  members: SimulatedMember[];
  /** The command on its way: sent at t0 (performance.now), followed by these members so far. */
  pending?: { t0: number; check: (view: CircleView) => boolean; done: Set<SimulatedMember> };
  lastCommandAt: number;
  next: 'location' | 'seek';
}


/** One loopback address per circle: joins are limited per address (a household), and each circle is one. */
const addressOf = (circle: number) => `127.${2 + (circle >> 8)}.${circle & 255}.1`;
const socketOf = (m: SimulatedMember) => (m.client as unknown as { socket: Socket }).socket;

/** The newest view the circle's members hold: the circle as the server last told it. */
function newestView(circle: Circle): CircleView | undefined {
  let newest: CircleView | undefined;
  for (const m of circle.members) if (m.view && (!newest || m.view.rev > newest.rev)) newest = m.view;
  return newest;
}

async function startCircle(index: number, urls: string[], counts: { in: number; out: number }, failures: string[]): Promise<Circle | undefined> {
  // `localAddress` goes through to Node's WebSocket (engine.io-client's Node options; the browser types omit it).
  const socketOptions = { localAddress: addressOf(index), reconnection: false };
  const members = Array.from({ length: MEMBERS }, (_, j) => {
    const m = new SimulatedMember({ url: urls[(index + j) % urls.length]!, name: `M${j}`, loadMs: 0, seekMs: 0, socketOptions });
    // Every circle message on the wire, both ways (acks and clock samples included).
    const socket = socketOf(m);
    socket.onAny(() => counts.in++);
    socket.onAnyOutgoing(() => counts.out++);
    socket.io.on('packet', (packet: { type: number }) => packet.type === 3 && counts.in++); // acks
    return m;
  });
  const [host, ...others] = members;
  const location = LOCATIONS[index % LOCATIONS.length]!;
  host!.startAt(location, 0, true);
  // A start or join that fails (no answer within the client's 8 s under load) is counted, and that member left out.
  const started = await host!.client.start({ projectId: PROJECT_ID, locationId: location, mediaTime: 0, playing: true });
  if (!started.ok) {
    failures.push(`circle ${index} not started: ${started.refusal.message}`);
    members.forEach((m) => m.dispose());
    return undefined;
  }
  const code = host!.view!.code;
  const joins = await Promise.all(others.map((m) => m.client.join(code)));
  const inCircle = [host!];
  joins.forEach((join, i) => {
    if (join.ok) return void inCircle.push(others[i]!);
    failures.push(`a member of circle ${index} was refused: ${join.refusal.message}`);
    others[i]!.dispose();
  });
  return { members: inCircle, lastCommandAt: performance.now(), next: 'location' };
}

/** The host of `circle` moves to another location or seeks; the check says when a view shows it. */
function command(circle: Circle): void {
  const host = circle.members[0]!;
  const view = host.view;
  if (!view || circle.pending) return;
  const t0 = performance.now();
  if (circle.next === 'location') {
    const locationId = LOCATIONS[(LOCATIONS.indexOf(view.playback.locationId) + 1) % LOCATIONS.length]!;
    circle.pending = { t0, done: new Set(), check: (v) => v.playback.locationId === locationId && v.rev > view.rev };
    void host.client.control({ kind: 'location', locationId, mediaTime: 0 });
  } else {
    const mediaTime = Math.round(Math.random() * 6000) / 10;
    circle.pending = { t0, done: new Set(), check: (v) => Math.abs(v.playback.mediaTime - mediaTime) < 1e-6 && v.rev > view.rev };
    void host.client.control({ kind: 'seek', mediaTime });
  }
  circle.next = circle.next === 'location' ? 'seek' : 'location';
  circle.lastCommandAt = t0;
}

async function runLayout(nodeCount: number, redis: RedisProcess | undefined, postgres: PostgresProcess | undefined): Promise<Result> {
  const nodes: ServerProcess[] = [];
  const dirs: string[] = [];
  const members: SimulatedMember[] = [];
  const stop = onCleanup(() => {
    members.forEach((m) => m.dispose());
    for (const node of nodes) if (node.child.exitCode === null) node.child.kill('SIGKILL');
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });
  const database = postgres ? await postgres.createDatabase(`circles_bench_${nodeCount}_${Date.now()}`) : undefined;
  for (let n = 0; n < nodeCount; n++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'setvisit-circles-bench-'));
    dirs.push(dataDir);
    const scale: Record<string, string> = database && redis ? { DATABASE_URL: database, REDIS_URL: redis.url, SETVISIT_TRANSPORTS: 'websocket' } : {};
    nodes.push(await startServerProcess({ dataDir, env: { SETVISIT_NODE_ID: `circles-${n + 1}`, SETVISIT_QUIET: '1', SETVISIT_DRAIN_GRACE_MS: '0', SETVISIT_DRAIN_MS: '0', ...scale } }));
  }
  const urls = nodes.map((n) => n.url);
  const counts = { in: 0, out: 0 };
  const circles: Circle[] = [];
  try {
    progress(`${nodeCount} node(s) up; starting ${CIRCLES} circles of ${MEMBERS}`);
    const failures: string[] = [];
    // Ten circles at a time: sixty joins at once, each with its clock samples.
    for (let start = 0; start < CIRCLES; start += 10) {
      const batch = await withTimeout(Promise.all(Array.from({ length: Math.min(10, CIRCLES - start) }, (_, i) => startCircle(start + i, urls, counts, failures))), 120_000, 'a batch of circles to start');
      for (const circle of batch) {
        if (!circle) continue;
        circles.push(circle);
        members.push(...circle.members);
      }
    }
    failures.slice(0, 5).forEach((f) => progress(`  ${f}`));
    const joined = members.filter((m) => m.client.current.status === 'joined').length;
    progress(`  ${circles.length} circles, ${joined} members joined; commands for ${SECONDS} s`);
    await sleep(2_000); // the joining clock samples are done
    const follow: number[] = [];
    const drift: number[] = [];
    const clockError: number[] = [];
    let commands = 0;
    let unfollowed = 0;
    const store = storeUsage(redis, postgres);
    const cpuBefore = nodes.map((n) => readProcessUsage(n.child.pid!).cpuMs);
    const storeBefore = store();
    const benchBefore = process.cpuUsage();
    const countsBefore = { ...counts };
    const load0 = loadavg()[0]!;
    const t0 = performance.now();
    // Each circle's commands start at its own moment of the 10 s, so they are spread evenly.
    circles.forEach((c, i) => (c.lastCommandAt = t0 + ((i * EVERY_MS) / circles.length) - EVERY_MS / 2));
    const watcher = setInterval(() => {
      const now = performance.now();
      for (const circle of circles) {
        const pending = circle.pending;
        if (pending) {
          const view = newestView(circle);
          if (view && pending.check(view)) {
            for (const m of circle.members.slice(1)) {
              const d = m.view?.rev === view.rev ? m.driftFrom(view) : undefined;
              if (d !== undefined && Math.abs(d) <= FOLLOWED_WITHIN_S) pending.done.add(m);
            }
          }
          if (pending.done.size === circle.members.length - 1) {
            follow.push(now - pending.t0);
            circle.pending = undefined;
          } else if (now - pending.t0 > EVERY_MS / 2) {
            unfollowed++;
            circle.pending = undefined;
            if (process.env.DEBUG_CIRCLES) {
              const v = newestView(circle);
              progress(`unfollowed: newest rev ${v?.rev} ${JSON.stringify(v?.playback)} check ${v ? pending.check(v) : '-'}; ` + circle.members.map((m) => `${m.client.current.status} rev ${m.view?.rev} loc ${m.location} player ${m.player?.currentTime.toFixed(2)} drift ${v ? m.driftFrom(v)?.toFixed(3) : "-"} rate ${m.player?.playbackRate} readout ${JSON.stringify(m.follower.readout)} clock ${JSON.stringify(m.client.clock.best)}`).join(' | '));
            }
          }
        } else if (now - circle.lastCommandAt >= EVERY_MS / 2 && now - t0 < SECONDS * 1000) {
          command(circle);
          commands++;
        }
      }
    }, 10);
    const sampler = setInterval(() => {
      const now = performance.now();
      const serverNow = Date.now();
      for (const circle of circles) {
        if (circle.pending || now - circle.lastCommandAt < SETTLE_MS) continue;
        const view = newestView(circle);
        if (!view) continue;
        const truth = circleMediaTime(view.playback, serverNow, view.waiting !== undefined);
        for (const m of circle.members) {
          const d = m.view?.rev === view.rev ? m.driftFrom(view, serverNow) : undefined;
          if (d !== undefined) drift.push(Math.abs(d) * 1000);
          const target = m.client.circleTime();
          if (target) clockError.push(Math.abs(target.mediaTime - truth) * 1000);
        }
      }
    }, 500);
    await sleep(SECONDS * 1000);
    clearInterval(sampler);
    await sleep(EVERY_MS / 2); // the last commands are followed or given up
    clearInterval(watcher);
    const wallS = (performance.now() - t0) / 1000;
    const bench = process.cpuUsage(benchBefore);
    const storeAfter = store();
    return {
      nodes: nodeCount,
      storage: database ? 'PostgreSQL + Redis' : 'SQLite',
      circles: circles.length,
      joined,
      failedJoins: failures.length,
      joinedAtEnd: members.filter((m) => m.client.current.status === 'joined').length,
      members: members.length,
      wallS,
      inPerS: (counts.in - countsBefore.in) / wallS,
      outPerS: (counts.out - countsBefore.out) / wallS,
      commands,
      unfollowed,
      follow: distribution(follow),
      drift: distribution(drift),
      clockError: distribution(clockError),
      nodeCpuMs: nodes.map((n, i) => readProcessUsage(n.child.pid!).cpuMs - cpuBefore[i]!),
      storeCpuMs: storeAfter - storeBefore,
      nodeRss: nodes.map((n) => readProcessUsage(n.child.pid!).peakRssBytes),
      benchCpuMs: (bench.user + bench.system) / 1000,
      benchRss: process.memoryUsage().rss,
      load: [load0, loadavg()[0]!],
    };
  } finally {
    members.forEach((m) => m.dispose());
    members.length = 0;
    for (const node of nodes) node.child.kill('SIGTERM');
    await Promise.all(nodes.map((n) => withTimeout(n.exited, 15_000, 'a node to stop').catch(() => n.child.kill('SIGKILL'))));
    stop();
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  }
}

/** CPU of Redis and of PostgreSQL's server processes (one per connection), read together; 0 without them. */
function storeUsage(redis: RedisProcess | undefined, postgres: PostgresProcess | undefined): () => number {
  return () => {
    const pids = [...(redis?.child.pid ? [redis.child.pid] : []), ...(postgres ? [postgres.pid, ...childPids(postgres.pid, 'postgres')] : [])];
    return pids.reduce((sum, pid) => {
      try {
        return sum + readProcessUsage(pid).cpuMs;
      } catch {
        return sum; // a connection's process ended meanwhile
      }
    }, 0);
  };
}

async function main(): Promise<number> {
  if (!Number.isInteger(CIRCLES) || CIRCLES < 1 || CIRCLES > 60_000) throw new Error('--circles must be an integer from 1 to 60000');
  if (!Number.isInteger(MEMBERS) || MEMBERS < 2 || MEMBERS > 10) throw new Error('--members must be an integer from 2 to 10 (joins per address: 10 at once)');
  if (!(SECONDS >= 10) || !(EVERY_MS >= 2_000)) throw new Error('--seconds must be ≥ 10 and --every ≥ 2');
  const layouts = args.layouts.split(',').map(Number);
  if (!layouts.every((n) => n === 1 || n === 2)) throw new Error('--layouts takes 1, 2 or 1,2');
  let redis: RedisProcess | undefined;
  let postgres: PostgresProcess | undefined;
  if (layouts.includes(2)) {
    progress('starting redis-server and PostgreSQL');
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    onCleanup(() => Promise.all([redis?.stop(), postgres?.stop()]).then(() => undefined));
  }
  const results: Result[] = [];
  for (const layout of layouts) {
    results.push(await runLayout(layout, layout === 2 ? redis : undefined, layout === 2 ? postgres : undefined));
    progress(table(results.slice(-1), MEMBERS)); // each layout's row as soon as it is measured
  }
  console.info(`One machine (${cpus().length} cores) holds every node, Redis, PostgreSQL and all members; ${CIRCLES} circles × ${MEMBERS} for ${SECONDS} s, a location change and a seek per circle every ${EVERY_MS / 1000} s.`);
  console.info(`Drift and clock error: |player − circle| and |the member's computed circle time − circle|, each member every 0.5 s from ${SETTLE_MS / 1000} s after a command; "followed": every other member's player at the new location/time within ${FOLLOWED_WITHIN_S * 1000} ms (checked every 10 ms).\n`);
  console.info(table(results, MEMBERS));
  return results.some((r) => r.failedJoins > 0 || r.joined < r.members || r.joinedAtEnd < r.members || r.unfollowed > 0 || r.drift.p95 > DRIFT_BUDGET_S * 1000) ? 1 : 0;
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
