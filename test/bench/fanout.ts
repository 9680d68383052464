// Owns part 1 of the feed benchmark: the real server as a child process, N socket.io clients, M posted milestones.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { Milestone, PROTOCOL_VERSION, SOCKET_EVENTS, SubscribeReply, type SubscribeRequest } from '../../src/protocol';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { OPERATOR_TOKEN, PROJECT_ID } from '../helpers/test-server';
import { onCleanup, pollUntil, sleep, withTimeout } from './bounded';
import { childPids, readMachineCpu, readProcessUsage, type ProcessUsage } from './process-usage';
import { distribution, type Distribution } from './stats';

export interface FanoutOptions {
  clients: number;
  posts: number;
  /** Pause after each POST's answer before the next one. */
  gapMs: number;
  /** Clients connecting at the same time; the next batch starts when this one has subscribed. */
  batchSize: number;
  /** How long to wait, after the last POST, for every delivery to arrive. */
  drainTimeoutMs: number;
  progress: (line: string) => void;
}

export interface FanoutResult {
  expectedDeliveries: number;
  /** Distinct (milestone, client) pairs that arrived. */
  receivedDeliveries: number;
  missing: number;
  duplicates: number;
  /** Events with a seq no POST of ours produced, or without a readable seq. */
  unexpected: number;
  /** Clients whose socket closed after they had subscribed. */
  disconnects: number;
  drainTimedOut: boolean;
  /** POST start → a client's receipt of that seq, over every (milestone, client) pair. */
  latency: Distribution;
  /** Per milestone: POST start → receipt by the last client to get it. */
  lastClient: Distribution;
  /** Per milestone: the HTTP POST round trip (the 201 may come before or after the broadcast lands). */
  postRoundTrip: Distribution;
  /** First connect → the last client's subscribe ack. */
  connectMs: number;
  server: {
    connectCpuMs: number;
    postsCpuMs: number;
    postsWallMs: number;
    rssIdleBytes: number;
    rssConnectedBytes: number;
    rssAfterPostsBytes: number;
    peakRssBytes: number;
  };
  /** CPU this process (all the clients) used during the posts: it competes with the server for the same 2 cores. */
  benchCpuPostsMs: number;
  /** CPU every other process on the machine used in each phase: other people's work competing for the cores. */
  othersConnectCpuMs: number;
  othersPostsCpuMs: number;
  /** Warnings and errors the server logged during the run. */
  serverComplaints: string[];
}

interface BenchClient {
  socket: Socket;
  /** seq → performance.now() at the first receipt. */
  receipts: Map<number, number>;
  duplicates: number;
  malformed: number;
  subscribed: boolean;
  disconnectReason: string | null;
}

const CONNECT_TIMEOUT_MS = 20_000;
const SUBSCRIBE_TIMEOUT_MS = 10_000;
const POST_TIMEOUT_MS = 10_000;
const SERVER_EXIT_TIMEOUT_MS = 10_000;
const SERVER_SCRIPT = 'src/server/main.ts';

export async function runFanout(options: FanoutOptions): Promise<FanoutResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'setvisit-bench-'));
  const removeDir = onCleanup(() => rmSync(dataDir, { recursive: true, force: true }));
  const server = await startServer(dataDir);
  const stopServerLater = onCleanup(() => stopServer(server, options.progress));
  const complaints = watchServerLog(server);
  const clients: BenchClient[] = [];
  const closeClientsLater = onCleanup(() => closeClients(clients));
  const pid = requirePid(server);
  try {
    const idle = readProcessUsage(pid);
    const machineAtStart = readMachineCpu().busyMs;
    const benchAtStart = process.cpuUsage();
    options.progress(`server pid ${pid} on ${server.url}; connecting ${options.clients} clients in batches of ${options.batchSize}`);

    const received = { count: 0 };
    const connectStart = performance.now();
    for (let start = 0; start < options.clients; start += options.batchSize) {
      const end = Math.min(options.clients, start + options.batchSize);
      const ready: Promise<void>[] = [];
      for (let i = start; i < end; i++) {
        const { client, subscribed } = connectClient(server.url, received);
        clients.push(client);
        ready.push(subscribed);
      }
      await withTimeout(Promise.all(ready), CONNECT_TIMEOUT_MS + SUBSCRIBE_TIMEOUT_MS, `clients ${start + 1}–${end} to connect and subscribe`);
    }
    const connectMs = performance.now() - connectStart;
    const connected = readProcessUsage(pid);
    const machineConnected = readMachineCpu().busyMs;
    const benchConnectCpu = process.cpuUsage(benchAtStart);
    options.progress(`${clients.length} clients subscribed in ${(connectMs / 1000).toFixed(1)} s; posting ${options.posts} milestones`);

    // seq → performance.now() just before its POST; filled from each 201, since events may arrive before it.
    const postStart = new Map<number, number>();
    const roundTrips: number[] = [];
    const benchCpuBefore = process.cpuUsage();
    const postsStart = performance.now();
    for (let i = 1; i <= options.posts; i++) {
      const { seq, startedAt, roundTripMs } = await postMilestone(server.url, i);
      if (postStart.has(seq)) throw new Error(`two POSTs were answered with seq ${seq}`);
      postStart.set(seq, startedAt);
      roundTrips.push(roundTripMs);
      if (i < options.posts) await sleep(options.gapMs);
    }
    const expectedDeliveries = clients.length * postStart.size;
    // Nobody else posts, so the distinct receipts reach the expected count exactly when every delivery is in.
    const drained = await pollUntil(() => received.count >= expectedDeliveries || clients.every((c) => c.disconnectReason !== null), options.drainTimeoutMs);
    const postsWallMs = performance.now() - postsStart;
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const afterPosts = readProcessUsage(pid);
    const machineAfterPosts = readMachineCpu().busyMs;

    const accounting = account(clients, postStart);
    return {
      expectedDeliveries,
      ...accounting,
      drainTimedOut: !drained,
      postRoundTrip: distribution(roundTrips),
      connectMs,
      server: usageSummary(idle, connected, afterPosts, postsWallMs),
      benchCpuPostsMs: microsToMs(benchCpu),
      // Whatever the machine was busy with beyond the server and this process; the /proc tick is 10 ms, hence the floor.
      othersConnectCpuMs: Math.max(0, machineConnected - machineAtStart - (connected.cpuMs - idle.cpuMs) - microsToMs(benchConnectCpu)),
      othersPostsCpuMs: Math.max(0, machineAfterPosts - machineConnected - (afterPosts.cpuMs - connected.cpuMs) - microsToMs(benchCpu)),
      serverComplaints: complaints,
    };
  } finally {
    // Clients leave first (as backers closing their tabs), then the server stops, then its files go.
    closeClientsLater();
    closeClients(clients);
    stopServerLater();
    await stopServer(server, options.progress);
    removeDir();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function startServer(dataDir: string): Promise<ServerProcess> {
  try {
    // Not SETVISIT_QUIET=1: quiet mode also silences the "listening" line that startServerProcess waits for,
    // so the start would time out. Unquiet, the server logs one line per stored event: 50 lines per run.
    return await startServerProcess({ dataDir, env: { SETVISIT_POST_RATE: '100000' } });
  } catch (err) {
    // startServerProcess does not stop a child that failed to start in time: stop it here, by its pid.
    for (const pid of childPids(process.pid, SERVER_SCRIPT)) process.kill(pid, 'SIGKILL');
    throw err;
  }
}

/** SIGTERM (the server's own clean shutdown), then SIGKILL if it does not exit in time; says when it had to. */
async function stopServer(server: ServerProcess, progress: (line: string) => void): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const started = performance.now();
  server.child.kill('SIGTERM');
  try {
    const code = await withTimeout(server.exited, SERVER_EXIT_TIMEOUT_MS, 'the server to exit after SIGTERM');
    const took = `${(performance.now() - started).toFixed(0)} ms`;
    progress(code === 0 ? `server stopped in ${took}` : `server exited with code ${code} after SIGTERM (${took})`);
  } catch {
    progress(`server still running ${SERVER_EXIT_TIMEOUT_MS} ms after SIGTERM; sending SIGKILL`);
    server.child.kill('SIGKILL');
    await withTimeout(server.exited, SERVER_EXIT_TIMEOUT_MS, 'the server to exit after SIGKILL');
  }
}

function requirePid(server: ServerProcess): number {
  if (server.child.pid === undefined) throw new Error('the server process has no pid');
  return server.child.pid;
}

/** Collects the server's warn and error lines: on stdout, JSON lines at those levels; on stderr, everything. */
function watchServerLog(server: ServerProcess): string[] {
  const complaints: string[] = [];
  const collect = (stream: NodeJS.ReadableStream | null, keep: (line: string) => boolean) => {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim() && keep(line)) complaints.push(line.trim());
    });
  };
  // Info lines (one per stored event, the start banner) are not complaints.
  collect(server.child.stdout, (line) => /"level":"(warn|error)"/.test(line));
  collect(server.child.stderr, () => true);
  return complaints;
}

function connectClient(url: string, received: { count: number }): { client: BenchClient; subscribed: Promise<void> } {
  const socket = io(url, {
    transports: ['websocket'],
    auth: { v: PROTOCOL_VERSION },
    // One connection per simulated backer, as N browsers would have; never share a Manager between them.
    forceNew: true,
    // A dropped client must show up as missing deliveries, not be papered over by a reconnect and a replay.
    reconnection: false,
    timeout: CONNECT_TIMEOUT_MS,
  });
  const client: BenchClient = { socket, receipts: new Map(), duplicates: 0, malformed: 0, subscribed: false, disconnectReason: null };
  socket.on(SOCKET_EVENTS.event, (payload: unknown) => {
    // The clock first: anything done before it would count as delivery time.
    const at = performance.now();
    const seq = seqOf(payload);
    if (seq === undefined) {
      client.malformed++;
    } else if (client.receipts.has(seq)) {
      client.duplicates++;
    } else {
      client.receipts.set(seq, at);
      received.count++;
    }
  });
  socket.on('disconnect', (reason) => {
    if (client.subscribed) client.disconnectReason = reason;
  });
  const subscribed = new Promise<void>((resolve, reject) => {
    socket.once('connect_error', (err) => reject(new Error(`a client could not connect: ${err.message}`)));
    socket.once('connect', () => {
      const request: SubscribeRequest = { projectId: PROJECT_ID };
      socket
        .timeout(SUBSCRIBE_TIMEOUT_MS)
        .emitWithAck(SOCKET_EVENTS.subscribe, request)
        .then((raw: unknown) => {
          const reply = SubscribeReply.safeParse(raw);
          if (!reply.success) throw new Error('a subscribe reply did not match the protocol');
          if (!reply.data.ok) throw new Error(`a subscribe was refused: ${reply.data.error.code}: ${reply.data.error.message}`);
          client.subscribed = true;
          resolve();
        })
        .catch((err: unknown) => reject(err instanceof Error ? err : new Error(String(err))));
    });
  });
  return { client, subscribed };
}

function closeClients(clients: BenchClient[]): void {
  for (const client of clients) client.socket.disconnect();
}

function seqOf(payload: unknown): number | undefined {
  if (typeof payload !== 'object' || payload === null || !('seq' in payload)) return undefined;
  return typeof payload.seq === 'number' ? payload.seq : undefined;
}

async function postMilestone(url: string, n: number): Promise<{ seq: number; startedAt: number; roundTripMs: number }> {
  const body = JSON.stringify({ kind: 'scene-wrapped', title: { en: `Bench scene ${n} wrapped`, 'zh-CN': `基准第 ${n} 场杀青` } });
  const startedAt = performance.now();
  const res = await fetch(`${url}/api/projects/${PROJECT_ID}/milestones`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${OPERATOR_TOKEN}` },
    body,
    signal: AbortSignal.timeout(POST_TIMEOUT_MS),
  });
  const text = await res.text();
  const roundTripMs = performance.now() - startedAt;
  if (res.status !== 201) throw new Error(`POST ${n} answered ${res.status}: ${text}`);
  const milestone = Milestone.safeParse(JSON.parse(text));
  if (!milestone.success) throw new Error(`POST ${n} answered 201 with something that is not a milestone: ${text}`);
  return { seq: milestone.data.seq, startedAt, roundTripMs };
}

function account(clients: BenchClient[], postStart: Map<number, number>) {
  const latencies: number[] = [];
  const lastBySeq = new Map<number, number>();
  let missing = 0;
  let duplicates = 0;
  let unexpected = 0;
  for (const client of clients) {
    duplicates += client.duplicates;
    unexpected += client.malformed;
    for (const [seq, startedAt] of postStart) {
      const at = client.receipts.get(seq);
      if (at === undefined) {
        missing++;
        continue;
      }
      const latency = at - startedAt;
      latencies.push(latency);
      lastBySeq.set(seq, Math.max(lastBySeq.get(seq) ?? 0, latency));
    }
    for (const seq of client.receipts.keys()) if (!postStart.has(seq)) unexpected++;
  }
  return {
    receivedDeliveries: latencies.length,
    missing,
    duplicates,
    unexpected,
    disconnects: clients.filter((c) => c.disconnectReason !== null).length,
    latency: distribution(latencies),
    lastClient: distribution([...lastBySeq.values()]),
  };
}

function microsToMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

function usageSummary(idle: ProcessUsage, connected: ProcessUsage, afterPosts: ProcessUsage, postsWallMs: number): FanoutResult['server'] {
  return {
    connectCpuMs: connected.cpuMs - idle.cpuMs,
    postsCpuMs: afterPosts.cpuMs - connected.cpuMs,
    postsWallMs,
    rssIdleBytes: idle.rssBytes,
    rssConnectedBytes: connected.rssBytes,
    rssAfterPostsBytes: afterPosts.rssBytes,
    peakRssBytes: afterPosts.peakRssBytes,
  };
}
