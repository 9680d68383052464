// Owns part 1 of the meet-up benchmark: the real server as a child process, N backers joined to one live meet-up
// over real sockets, a reaction storm at a set rate with questions trickling in, and the accounting of what
// arrived (every window, every reaction) against what was sent.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../src/protocol';
import { JoinReply, MEETUP_EVENTS, REACTION_KINDS, type ReactionKind } from '../../src/protocol/meetup';
import { seedSampleProject } from '../../src/server/sample-project';
import { SqliteFeedStorage } from '../../src/server/storage/sqlite-storage';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { OPERATOR_TOKEN, PROJECT_ID } from '../helpers/test-server';
import { onCleanup, sleep, withTimeout } from './bounded';
import { childPids, readMachineCpu, readProcessUsage } from './process-usage';
import { distribution, type Distribution } from './stats';

export interface StormOptions {
  clients: number;
  reactionsPerMinute: number;
  stormSeconds: number;
  /** One question from the audience this often (each followed by a few upvotes). */
  questionEveryMs: number;
  batchSize: number;
  progress: (line: string) => void;
}

/** What one window broadcast looked like on arrival, as the client-cost part replays it. */
export interface ReceivedWindow {
  /** ms after the storm started, on the bench's clock. */
  receivedAt: number;
  /** The broadcast as it arrived, unvalidated. */
  payload: unknown;
}

export interface StormResult {
  joined: number;
  refusedJoins: number;
  connectMs: number;
  sent: { reactions: number; messages: number; probes: number; questions: number; upvotes: number };
  /** The room's totals once the last window was in. */
  counted: number;
  /** Reactions sent but never counted (refused or lost). */
  dropped: number;
  /** Storm end → the last reaction counted (or the drain gave up). */
  drainMs: number;
  /** `meetup:error` events by code (at most one per socket and second: a floor for refused messages). */
  refusals: Record<string, number>;
  questionsRefused: number;
  upvotesRefused: number;
  windowsToProbe: number;
  broadcastsPerSecond: number;
  presenceBroadcastsDuringStorm: number;
  /** Window broadcasts some client did not get, over all clients. */
  missingDeliveries: number;
  disconnects: number;
  disconnectReasons: Record<string, number>;
  /** A probe reaction's send → every client's receipt of the window that counted it. */
  reactionLatency: Distribution;
  /** A window's end on the server → each client's receipt. */
  windowLatency: Distribution;
  /** An ask → the probe's receipt of the question broadcast. */
  questionLatency: Distribution;
  server: { cpuMs: number; wallMs: number; rssBytes: number; peakRssBytes: number; connectCpuMs: number };
  benchCpuMs: number;
  othersCpuMs: number;
  serverComplaints: string[];
  windows: ReceivedWindow[];
}

interface AudienceClient {
  socket: Socket;
  windows: number;
  probesSeen: number;
  /** Why the socket closed during the run (socket.io's reason), or null. */
  disconnected: string | null;
}

const CONNECT_TIMEOUT_MS = 20_000;
const JOIN_TIMEOUT_MS = 10_000;
const MEETUP_ID = 'bench-meetup';
/** The storm's kinds; `wow` is kept for the probe, so its reactions can be told apart on arrival. */
const STORM_KINDS = REACTION_KINDS.filter((k) => k !== 'wow');
const PROBE_INTERVAL_MS = 500;
const TICK_MS = 50;
/** After the storm: how long to wait for the last windows, and how long without change means none are coming. */
const DRAIN_TIMEOUT_MS = 60_000;
const DRAIN_QUIET_MS = 3_000;

export async function runStorm(options: StormOptions): Promise<StormResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'setvisit-meetup-bench-'));
  const removeDir = onCleanup(() => rmSync(dataDir, { recursive: true, force: true }));
  // Each simulated backer has a token of its own: the server's limits are per caller, as they would be live.
  const tokens = await issueTokens(join(dataDir, 'feed.sqlite'), options.clients + 1);
  const server = await startServer(dataDir);
  const stopServerLater = onCleanup(() => stopServer(server));
  const complaints = watchServerLog(server);
  const clients: AudienceClient[] = [];
  const closeLater = onCleanup(() => clients.forEach((c) => c.socket.disconnect()));
  const pid = server.child.pid!;
  try {
    const startedAtMs = await startMeetup(server.url);
    const presence = { count: 0, counting: false };
    const latencies = { reaction: [] as number[], window: [] as number[], question: [] as number[] };
    const probeSentAt: number[] = [];
    const questionSentAt = new Map<string, number>();
    const windows: ReceivedWindow[] = [];
    let stormStart = 0;
    const refusals: Record<string, number> = {};
    let refusedJoins = 0;

    const idle = readProcessUsage(pid);
    options.progress(`server pid ${pid}; connecting ${options.clients} backers + 1 probe in batches of ${options.batchSize}`);
    const connectStart = performance.now();
    const onWindow = (client: AudienceClient, raw: { at: number; counts: Partial<Record<ReactionKind, number>> }, isProbe: boolean) => {
      const now = performance.now();
      const wall = Date.now();
      client.windows++;
      latencies.window.push(wall - (startedAtMs + raw.at));
      const wow = raw.counts.wow ?? 0;
      for (let i = 0; i < wow; i++) {
        const sentAt = probeSentAt[client.probesSeen++];
        if (sentAt !== undefined) latencies.reaction.push(now - sentAt);
      }
      if (isProbe && stormStart) windows.push({ receivedAt: now - stormStart, payload: raw });
    };
    const connectOne = (token: string, isProbe: boolean): Promise<AudienceClient> => {
      const socket = io(server.url, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: CONNECT_TIMEOUT_MS, auth: { v: PROTOCOL_VERSION, token } });
      const client: AudienceClient = { socket, windows: 0, probesSeen: 0, disconnected: null };
      socket.on(MEETUP_EVENTS.reactions, (w: { at: number; counts: Partial<Record<ReactionKind, number>> }) => onWindow(client, w, isProbe));
      socket.on(MEETUP_EVENTS.error, (e: { error?: { code?: string } }) => {
        const code = e.error?.code ?? 'unknown';
        refusals[code] = (refusals[code] ?? 0) + 1;
      });
      if (isProbe) {
        socket.on(MEETUP_EVENTS.presence, () => void (presence.counting && presence.count++));
        socket.on(MEETUP_EVENTS.question, (q: { question?: { text?: string } }) => {
          const sentAt = questionSentAt.get(q.question?.text ?? '');
          if (sentAt !== undefined) {
            latencies.question.push(performance.now() - sentAt);
            questionSentAt.delete(q.question!.text!);
          }
        });
      }
      socket.on('disconnect', (reason) => void (client.disconnected ??= reason));
      return new Promise((resolve, reject) => {
        socket.once('connect_error', (err) => reject(new Error(`a backer could not connect: ${err.message}`)));
        socket.once('connect', () => {
          socket
            .timeout(JOIN_TIMEOUT_MS)
            .emitWithAck(MEETUP_EVENTS.join, { meetupId: MEETUP_ID })
            .then((raw: unknown) => {
              const reply = JoinReply.parse(raw);
              if (!reply.ok) refusedJoins++;
              resolve(client);
            })
            .catch((err: unknown) => reject(err instanceof Error ? err : new Error(String(err))));
        });
      });
    };
    const probe = await connectOne(tokens[options.clients]!, true);
    for (let start = 0; start < options.clients; start += options.batchSize) {
      const end = Math.min(options.clients, start + options.batchSize);
      const batch = [];
      for (let i = start; i < end; i++) batch.push(connectOne(tokens[i]!, false));
      clients.push(...(await withTimeout(Promise.all(batch), CONNECT_TIMEOUT_MS + JOIN_TIMEOUT_MS, `backers ${start + 1}–${end} to join`)));
    }
    clients.push(probe);
    const connectMs = performance.now() - connectStart;
    const connected = readProcessUsage(pid);
    options.progress(`${clients.length} joined in ${(connectMs / 1000).toFixed(1)} s (${refusedJoins} refused); storm of ${options.reactionsPerMinute}/min for ${options.stormSeconds} s`);
    // Let the joins' presence broadcasts settle, so the storm's figures count the storm alone.
    await sleep(1_000);

    const audience = clients.slice(0, -1);
    const sent = { reactions: 0, messages: 0, probes: 0, questions: 0, upvotes: 0 };
    let questionsRefused = 0;
    let upvotesRefused = 0;
    const perTick = (options.reactionsPerMinute / 60) * (TICK_MS / 1000);
    let owed = 0;
    let next = 0;
    let questionN = 0;
    const machineBefore = readMachineCpu().busyMs;
    const benchBefore = process.cpuUsage();
    const serverBefore = readProcessUsage(pid);
    presence.counting = true;
    stormStart = performance.now();
    const stormEnd = stormStart + options.stormSeconds * 1000;
    let nextProbe = stormStart;
    let nextQuestion = stormStart + options.questionEveryMs;
    const pending: Promise<void>[] = [];
    // Paced by the clock, not by the timer: a late tick sends what the elapsed time owes, so the rate holds.
    let lastTick = stormStart;
    while (performance.now() < stormEnd) {
      const now = performance.now();
      owed += perTick * ((now - lastTick) / TICK_MS);
      lastTick = now;
      while (owed >= 1) {
        // One reaction per message, spread over the audience: the most messages this rate can make.
        const client = audience[next++ % audience.length]!;
        client.socket.emit(MEETUP_EVENTS.react, { meetupId: MEETUP_ID, kind: STORM_KINDS[next % STORM_KINDS.length], count: 1 });
        sent.messages++;
        sent.reactions++;
        owed--;
      }
      if (now >= nextProbe) {
        probeSentAt.push(performance.now());
        probe.socket.emit(MEETUP_EVENTS.react, { meetupId: MEETUP_ID, kind: 'wow', count: 1 });
        sent.probes++;
        nextProbe += PROBE_INTERVAL_MS;
      }
      if (now >= nextQuestion) {
        const asker = audience[(questionN * 7919) % audience.length]!;
        const text = `Bench question ${++questionN}: what was it like on set?`;
        questionSentAt.set(text, performance.now());
        sent.questions++;
        pending.push(
          asker.socket
            .timeout(JOIN_TIMEOUT_MS)
            .emitWithAck(MEETUP_EVENTS.ask, { meetupId: MEETUP_ID, text })
            .then(async (reply: { ok?: boolean; question?: { id: string } }) => {
              if (!reply.ok || !reply.question) return void questionsRefused++;
              for (let v = 1; v <= 5; v++) {
                const voter = audience[(questionN * 31 + v * 17) % audience.length]!;
                sent.upvotes++;
                const vote = (await voter.socket.timeout(JOIN_TIMEOUT_MS).emitWithAck(MEETUP_EVENTS.upvote, { meetupId: MEETUP_ID, questionId: reply.question.id })) as { ok?: boolean };
                if (!vote.ok) upvotesRefused++;
              }
            })
            .catch(() => void questionsRefused++),
        );
        nextQuestion += options.questionEveryMs;
      }
      await sleep(TICK_MS);
    }
    const stormWallMs = performance.now() - stormStart;
    const serverAfter = readProcessUsage(pid);
    const benchCpu = process.cpuUsage(benchBefore);
    const machineAfter = readMachineCpu().busyMs;
    presence.counting = false;

    // Drain: the last windows arrive within a window or two; then the totals must equal what was sent.
    const expected = sent.reactions + sent.probes;
    const totalsOf = async () => ((await (await fetch(`${server.url}/api/meetups/${MEETUP_ID}/reactions`, { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } })).json()) as { totals: Record<string, number> }).totals;
    // Not an error when it falls short: `dropped` says by how much.
    let counted = 0;
    let unchangedSince = performance.now();
    const drainDeadline = performance.now() + DRAIN_TIMEOUT_MS;
    while (performance.now() < drainDeadline) {
      const now = Object.values(await totalsOf()).reduce((a, b) => a + b, 0);
      if (now !== counted) unchangedSince = performance.now();
      counted = now;
      if (counted >= expected || performance.now() - unchangedSince > DRAIN_QUIET_MS) break;
      await sleep(250);
    }
    const drainMs = performance.now() - stormStart - stormWallMs;
    await Promise.allSettled(pending);
    await sleep(500);

    const reference = Math.max(...clients.map((c) => c.windows));
    const serverCpuMs = serverAfter.cpuMs - serverBefore.cpuMs;
    const benchCpuMs = (benchCpu.user + benchCpu.system) / 1000;
    return {
      joined: clients.length - refusedJoins,
      refusedJoins,
      connectMs,
      sent,
      counted,
      dropped: expected - counted,
      drainMs,
      refusals,
      questionsRefused,
      upvotesRefused,
      windowsToProbe: windows.length,
      broadcastsPerSecond: windowRate(windows),
      presenceBroadcastsDuringStorm: presence.count,
      missingDeliveries: clients.reduce((sum, c) => sum + (reference - c.windows), 0),
      disconnects: clients.filter((c) => c.disconnected !== null).length,
      disconnectReasons: clients.reduce<Record<string, number>>((reasons, c) => {
        if (c.disconnected !== null) reasons[c.disconnected] = (reasons[c.disconnected] ?? 0) + 1;
        return reasons;
      }, {}),
      reactionLatency: distribution(latencies.reaction),
      windowLatency: distribution(latencies.window),
      questionLatency: distribution(latencies.question),
      server: { cpuMs: serverCpuMs, wallMs: stormWallMs, rssBytes: serverAfter.rssBytes, peakRssBytes: serverAfter.peakRssBytes, connectCpuMs: connected.cpuMs - idle.cpuMs },
      benchCpuMs,
      othersCpuMs: Math.max(0, machineAfter - machineBefore - serverCpuMs - benchCpuMs),
      serverComplaints: complaints,
      windows,
    };
  } finally {
    closeLater();
    clients.forEach((c) => c.socket.disconnect());
    stopServerLater();
    await stopServer(server);
    removeDir();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Windows per second on the server's own clock (each window's `at`): a late receipt, or the drain after the
 * storm, cannot make it look like more (or fewer) windows were closed per second than were.
 */
function windowRate(windows: ReceivedWindow[]): number {
  const ats = windows.map((w) => (w.payload as { at: number }).at);
  if (ats.length < 2) return Number.NaN;
  return (ats.length - 1) / ((Math.max(...ats) - Math.min(...ats)) / 1000);
}

/** Registers the bench's backer tokens (gold, the sample project) in the database before the server opens it. */
async function issueTokens(dbFile: string, count: number): Promise<string[]> {
  const storage = new SqliteFeedStorage(dbFile);
  try {
    await seedSampleProject(storage);
    const tokens = Array.from({ length: count }, (_, i) => `bench-gold-${i}`);
    for (const token of tokens) await storage.ensureBackerToken(token, { label: 'bench', tier: 'gold', projects: [PROJECT_ID] });
    return tokens;
  } finally {
    await storage.close();
  }
}

async function startMeetup(url: string): Promise<number> {
  const post = (path: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const scheduled = await post(`/api/projects/${PROJECT_ID}/meetups`, { id: MEETUP_ID, title: { en: 'Bench meet-up' }, star: { en: 'Lin Yue' }, scheduledStart: new Date().toISOString(), requiredTier: 'gold' });
  if (scheduled.status !== 201) throw new Error(`scheduling answered ${scheduled.status}: ${await scheduled.text()}`);
  const started = await post(`/api/meetups/${MEETUP_ID}/start`);
  if (started.status !== 200) throw new Error(`start answered ${started.status}: ${await started.text()}`);
  return Date.parse(((await started.json()) as { startedAt: string }).startedAt);
}

async function startServer(dataDir: string): Promise<ServerProcess> {
  try {
    return await startServerProcess({ dataDir, env: { SETVISIT_POST_RATE: '100000' } });
  } catch (err) {
    for (const pid of childPids(process.pid, 'src/server/main.ts')) process.kill(pid, 'SIGKILL');
    throw err;
  }
}

async function stopServer(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  try {
    await withTimeout(server.exited, 15_000, 'the server to exit after SIGTERM');
  } catch {
    server.child.kill('SIGKILL');
    await withTimeout(server.exited, 10_000, 'the server to exit after SIGKILL');
  }
}

function watchServerLog(server: ServerProcess): string[] {
  const complaints: string[] = [];
  const collect = (stream: NodeJS.ReadableStream | null, keep: (line: string) => boolean) => {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim() && keep(line)) complaints.push(line.trim().slice(0, 300));
    });
  };
  collect(server.child.stdout, (line) => /"level":"(warn|error)"/.test(line));
  collect(server.child.stderr, () => true);
  return complaints;
}
