// Part 2 of the scale benchmark: one meet-up's reaction storm with its audience spread over the running nodes.
// Backers (one gold token each, so per-caller limits see separate callers) join round-robin over the nodes,
// react at a set rate, and every socket records the reaction windows and audience counts it receives. The
// figures: reactions counted vs sent, window broadcasts per second per socket (one aggregate per room: at most
// 4/s whatever the node count), audience messages per socket and second, window latency, and the cost per node
// and in Redis.
import { createClient } from 'redis';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../src/protocol';
import { JoinReply, MEETUP_EVENTS, ReactionWindow, type ReactionKind } from '../../src/protocol/meetup';
import type { ServerProcess } from '../helpers/server-process';
import { OPERATOR_TOKEN, PROJECT_ID } from '../helpers/test-server';
import { onCleanup, sleep, withTimeout } from './bounded';
import { readProcessUsage } from './process-usage';
import { distribution, type Distribution } from './stats';

export interface MeetupStormOptions {
  clients: number;
  reactionsPerMinute: number;
  seconds: number;
  progress: (line: string) => void;
}

export interface MeetupStormResult {
  nodes: number;
  joined: number;
  sent: number;
  counted: number;
  /** Window broadcasts each socket received per second of storm: p50 over sockets, and min / max. */
  windowsPerSecond: { p50: number; min: number; max: number };
  /** Audience messages each socket received per second of storm, p50 over sockets. */
  presencePerSecond: number;
  /** Server's window close (startedAt + at) → a socket's receipt, every (window, socket) pair. */
  windowLatency: Distribution;
  nodeCpuMs: number[];
  redisCpuMs: number;
  redisCommands: number;
  wallMs: number;
  disconnects: number;
}

const KINDS: ReactionKind[] = ['heart', 'flower', 'applause', 'laugh'];

async function operatorPost(url: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function redisFigures(url: string): Promise<{ cpuMs: number; commands: number }> {
  const client = createClient({ url });
  await client.connect();
  try {
    const info = `${await client.info('stats')}\n${await client.info('cpu')}`;
    const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
    return { cpuMs: (field('used_cpu_user') + field('used_cpu_sys')) * 1000, commands: field('total_commands_processed') };
  } finally {
    await client.close();
  }
}

export async function runMeetupStormOverNodes(nodes: ServerProcess[], redisUrl: string, meetupId: string, options: MeetupStormOptions): Promise<MeetupStormResult> {
  const first = nodes[0]!.url;
  // One token per backer, made through the API (the nodes run with SETVISIT_POST_RATE high).
  const tokens: string[] = [];
  for (let start = 0; start < options.clients; start += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, options.clients - start) }, async (_, i) => {
        const res = await operatorPost(first, '/api/backer-tokens', { label: `bench ${start + i}`, tier: 'gold', projects: [PROJECT_ID] });
        if (res.status !== 201) throw new Error(`token: HTTP ${res.status}`);
        return ((await res.json()) as { token: string }).token;
      }),
    );
    tokens.push(...batch);
  }
  const scheduled = await operatorPost(first, `/api/projects/${PROJECT_ID}/meetups`, { id: meetupId, title: { en: 'Scale bench' }, star: { en: 'Lin Yue' }, scheduledStart: new Date().toISOString(), requiredTier: 'gold' });
  if (scheduled.status !== 201) throw new Error(`schedule: HTTP ${scheduled.status}`);
  const started = await operatorPost(first, `/api/meetups/${meetupId}/start`, {});
  if (started.status !== 200) throw new Error(`start: HTTP ${started.status}`);
  const startedAt = Date.parse(((await started.json()) as { startedAt: string }).startedAt);

  options.progress(`  meet-up over ${nodes.length} node(s): ${options.clients} backers joining`);
  interface Backer {
    socket: Socket;
    windows: number;
    presence: number;
    disconnected: boolean;
  }
  const backers: Backer[] = [];
  const latencies: number[] = [];
  let recording = false;
  const stopSockets = onCleanup(() => backers.forEach((b) => b.socket.close()));
  for (let start = 0; start < options.clients; start += 100) {
    await Promise.all(
      tokens.slice(start, start + 100).map(async (token, i) => {
        const node = nodes[(start + i) % nodes.length]!;
        const socket = io(node.url, { transports: ['websocket'], auth: { v: PROTOCOL_VERSION, token }, reconnection: false, forceNew: true });
        const backer: Backer = { socket, windows: 0, presence: 0, disconnected: false };
        backers.push(backer);
        socket.on('disconnect', () => (backer.disconnected = true));
        socket.on(MEETUP_EVENTS.reactions, (payload: unknown) => {
          if (!recording) return;
          const window = ReactionWindow.safeParse(payload);
          if (!window.success) return;
          backer.windows++;
          latencies.push(Date.now() - (startedAt + window.data.at));
        });
        socket.on(MEETUP_EVENTS.presence, () => recording && backer.presence++);
        const reply = JoinReply.parse(await withTimeout(socket.emitWithAck(MEETUP_EVENTS.join, { meetupId }), 30_000, 'meet-up join'));
        if (!reply.ok) throw new Error(`join refused: ${reply.error.message}`);
      }),
    );
  }
  await sleep(1_000);

  options.progress(`  storm: ${options.reactionsPerMinute}/min for ${options.seconds} s`);
  const nodeCpuBefore = nodes.map((node) => readProcessUsage(node.child.pid!).cpuMs);
  const redisBefore = await redisFigures(redisUrl);
  const wallStart = performance.now();
  recording = true;
  let sent = 0;
  let next = 0;
  const perTick = options.reactionsPerMinute / 60 / 20; // a 50 ms clock
  let owed = 0;
  while (performance.now() - wallStart < options.seconds * 1000) {
    owed += perTick;
    for (; owed >= 1; owed--) {
      const backer = backers[next++ % backers.length]!;
      backer.socket.emit(MEETUP_EVENTS.react, { meetupId, kind: KINDS[sent % KINDS.length], count: 1 });
      sent++;
    }
    await sleep(50);
  }
  const wallMs = performance.now() - wallStart;
  // Every reaction sent is counted in the stored totals once the last windows close.
  const totals = async () => {
    const res = await fetch(`${first}/api/meetups/${meetupId}/reactions`, { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
    const body = (await res.json()) as { totals: Partial<Record<ReactionKind, number>> };
    return Object.values(body.totals).reduce((a, b) => a + (b ?? 0), 0);
  };
  let counted = await totals();
  const deadline = performance.now() + 15_000;
  while (counted < sent && performance.now() < deadline) {
    await sleep(250);
    counted = await totals();
  }
  recording = false;
  const nodeCpuMs = nodes.map((node, n) => readProcessUsage(node.child.pid!).cpuMs - nodeCpuBefore[n]!);
  const redisAfter = await redisFigures(redisUrl);
  const seconds = wallMs / 1000;
  const perSocket = backers.map((b) => b.windows / seconds).sort((a, b) => a - b);
  const presence = backers.map((b) => b.presence / seconds).sort((a, b) => a - b);
  const disconnects = backers.filter((b) => b.disconnected).length;
  stopSockets();
  backers.forEach((b) => b.socket.close());
  return {
    nodes: nodes.length,
    joined: backers.length,
    sent,
    counted,
    windowsPerSecond: { p50: perSocket[Math.floor(perSocket.length / 2)] ?? NaN, min: perSocket[0] ?? NaN, max: perSocket.at(-1) ?? NaN },
    presencePerSecond: presence[Math.floor(presence.length / 2)] ?? NaN,
    windowLatency: distribution(latencies),
    nodeCpuMs,
    redisCpuMs: redisAfter.cpuMs - redisBefore.cpuMs,
    redisCommands: redisAfter.commands - redisBefore.commands,
    wallMs,
    disconnects,
  };
}
