// The socket side under hostile and unlucky clients: malformed packets, oversize messages, unknown events,
// floods, foreign origins, tokens and private projects, and a short network drop that socket.io recovers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { PROTOCOL_VERSION, SOCKET_EVENTS, type SubscribeReply } from '../../src/protocol';
import { SAMPLE_PROJECT } from '../../src/server/sample-project';
import { startFeedClient } from '../helpers/feed-client';
import { OPERATOR_TOKEN, PROJECT_ID, postMilestone, startTestServer, validMilestone, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

const PRIVATE_PROJECT = 'backstage-diary';
let server: TestServer;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer({ allowedOrigins: ['https://partner.example'], limits: { maxRateViolations: 50 } });
  await server.storage.ensureProject({ ...SAMPLE_PROJECT, id: PRIVATE_PROJECT, visibility: 'backers', title: { en: 'Backstage diary' } });
  await server.storage.ensureBackerToken('token-for-lantern-only', { label: 'test', tier: 'silver', projects: [PROJECT_ID] });
  await server.storage.ensureBackerToken('token-for-backstage', { label: 'test', tier: 'gold', projects: [PRIVATE_PROJECT] });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server.dispose();
});

function socket(options: { token?: string; origin?: string; v?: number } = {}): Socket {
  const s = connect(server.url, {
    transports: ['websocket'],
    reconnection: false,
    auth: { v: options.v ?? PROTOCOL_VERSION, ...(options.token ? { token: options.token } : {}) },
    ...(options.origin ? { extraHeaders: { origin: options.origin } } : {}),
  });
  sockets.push(s);
  return s;
}

const subscribe = (s: Socket, projectId = PROJECT_ID) => s.timeout(3_000).emitWithAck(SOCKET_EVENTS.subscribe, { projectId }) as Promise<SubscribeReply>;
const connected = (s: Socket) => new Promise<void>((resolve, reject) => { s.once('connect', resolve); s.once('connect_error', reject); });
const latestSeq = async () => (await server.storage.latestSeq(PROJECT_ID))!;

/** A bare engine.io/socket.io session over a raw WebSocket, to send what no real client would. */
async function rawSession(): Promise<WebSocket> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
  const messages: string[] = [];
  ws.on('message', (data: Buffer) => messages.push(data.toString()));
  await new Promise((resolve) => ws.once('open', resolve));
  ws.send(`40${JSON.stringify({ v: PROTOCOL_VERSION })}`);
  await waitFor(() => messages.some((m) => m.startsWith('40{"sid"')), 3_000, 'namespace connect');
  return ws;
}
const closed = (ws: WebSocket) => new Promise<void>((resolve) => (ws.readyState === WebSocket.CLOSED ? resolve() : ws.once('close', () => resolve())));

describe('feed gateway under bad input', () => {
  it.each([
    ['broken JSON', '42["feed:subscribe",{"projectId":'],
    ['an event that is not an array', '42{"not":"an array"}'],
    ['an unknown packet type', '9garbage'],
  ])('closes a raw connection that sends %s, stores nothing, and keeps serving others', async (_name, packet) => {
    const before = await latestSeq();
    const ws = await rawSession();
    ws.send(packet);
    await closed(ws);
    const s = socket();
    const reply = await subscribe(s);
    expect(reply.ok).toBe(true);
    expect(await latestSeq()).toBe(before);
  });

  it('closes a connection whose message is over the size limit', async () => {
    const ws = await rawSession();
    ws.send(`42${JSON.stringify([SOCKET_EVENTS.subscribe, { projectId: 'x'.repeat(20_000) }])}`);
    await closed(ws);
  });

  it('ignores and counts unknown events, and the socket keeps working', async () => {
    const s = socket();
    await connected(s);
    const before = server.server.feed.stats.unknownEvents;
    s.emit('admin:delete-everything', { please: true });
    s.emit('feed:event', { type: 'milestone', forged: true });
    await waitFor(() => server.server.feed.stats.unknownEvents === before + 2, 2_000, 'two unknown events counted');
    expect((await subscribe(s)).ok).toBe(true);
  });

  it('answers a subscribe without an ack function by ignoring it', async () => {
    const s = socket();
    await connected(s);
    const before = server.server.feed.stats.rejectedRequests;
    s.emit(SOCKET_EVENTS.subscribe, { projectId: PROJECT_ID });
    await waitFor(() => server.server.feed.stats.rejectedRequests === before + 1, 2_000, 'rejection counted');
  });

  it('drops a flood from one socket and then cuts it off, without touching other sockets', async () => {
    const calm = socket();
    await connected(calm);
    const flooder = socket();
    await connected(flooder);
    const disconnected = new Promise<string>((resolve) => flooder.once('disconnect', resolve));
    for (let i = 0; i < 500; i++) flooder.emit(SOCKET_EVENTS.subscribe, { projectId: PROJECT_ID }, () => undefined);
    expect(await disconnected).toBe('io server disconnect');
    expect(server.server.feed.stats.rateLimited).toBeGreaterThanOrEqual(50);
    expect(server.server.feed.stats.disconnectedForFlooding).toBeGreaterThanOrEqual(1);
    expect((await subscribe(calm)).ok).toBe(true);
  });

  it('refuses pages from origins that are not allowed, and accepts the allowlisted one', async () => {
    await expect(connected(socket({ origin: 'https://evil.example' }))).rejects.toThrow();
    await connected(socket({ origin: 'https://partner.example' }));
  });
});

describe('feed access', () => {
  it('asks an anonymous client to sign in for a backers-only project', async () => {
    const reply = await subscribe(socket(), PRIVATE_PROJECT);
    expect(reply).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('lets a token with a grant for the project in, and refuses one without it', async () => {
    expect((await subscribe(socket({ token: 'token-for-backstage' }), PRIVATE_PROJECT)).ok).toBe(true);
    // The demo's well-known codes open the sample project only.
    expect(await subscribe(socket({ token: 'demo-gold' }), PRIVATE_PROJECT)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const refused = await subscribe(socket({ token: 'token-for-lantern-only' }), PRIVATE_PROJECT);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await subscribe(socket({ token: 'token-for-lantern-only' }), PROJECT_ID)).ok).toBe(true);
  });

  it('answers a hidden project exactly like a missing one, for anonymous and backer callers alike', async () => {
    // The reply for the missing id is the hidden one's with the id swapped: nothing tells the two apart.
    const asked = (reply: SubscribeReply, id: string) => JSON.stringify(reply).replaceAll(id, '<id>');
    for (const token of [undefined, 'token-for-lantern-only', 'demo-gold']) {
      const caller = socket(token ? { token } : {});
      const hidden = await subscribe(caller, PRIVATE_PROJECT);
      const missing = await subscribe(caller, 'no-such-project');
      expect(hidden.ok, String(token)).toBe(false);
      expect(asked(missing, 'no-such-project'), String(token)).toBe(asked(hidden, PRIVATE_PROJECT));
      // The same answer again: not a first-time-only coincidence.
      expect(asked(await subscribe(caller, 'another-missing-one'), 'another-missing-one')).toBe(asked(hidden, PRIVATE_PROJECT));
    }
    // The operator sees everything: a missing project is simply not found.
    expect(await subscribe(socket({ token: OPERATOR_TOKEN }), 'no-such-project')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses a handshake with a token that is not valid', async () => {
    const err = await connected(socket({ token: 'made-up' })).catch((e: Error & { data?: { code: string } }) => e);
    expect((err as { data?: { code: string } }).data?.code).toBe('forbidden');
  });

  it('never broadcasts a private project’s events to a socket that may not see it', async () => {
    const outsider = socket({ token: 'token-for-lantern-only' });
    await subscribe(outsider, PRIVATE_PROJECT);
    const heard: unknown[] = [];
    outsider.on(SOCKET_EVENTS.event, (e) => heard.push(e));
    await server.storage.appendEvent(PRIVATE_PROJECT, { type: 'funding', fundingRaised: 1, backers: 1 }, new Date());
    const res = await postMilestone(server.url, validMilestone(7), undefined, PRIVATE_PROJECT);
    expect(res.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toEqual([]);
  });
});

describe('connection state recovery', () => {
  it('resumes a short network drop from socket.io’s buffer, with the events it missed', async () => {
    const client = startFeedClient(server.url);
    try {
      await waitFor(() => client.store.getState().feed.data, 5_000, 'synced');
      // socket.io can only resume from a broadcast the client has seen (it carries the replay offset).
      const first = (await (await postMilestone(server.url, validMilestone(776))).json()) as { seq: number };
      await waitFor(() => client.store.getState().feed.data?.seq === first.seq, 3_000, 'first broadcast');
      const resyncs = client.feed.stats.resyncs;
      // Drop the transport under the socket, as a Wi-Fi handover would; the session stays recoverable.
      for (const s of server.server.io.sockets.sockets.values()) s.conn.close();
      const posted = (await (await postMilestone(server.url, validMilestone(777))).json()) as { seq: number };
      await waitFor(() => client.store.getState().feed.data?.seq === posted.seq, 5_000, 'missed event applied');
      expect(client.feed.stats.recoveries).toBe(1);
      expect(client.feed.stats.resyncs).toBe(resyncs);
      expect(client.store.getState().feed.lastResync?.kind).toBe('recovered');
    } finally {
      client.feed.stop();
    }
  });
});
