// The meet-up socket side on the real server over real sockets: who gets in (decided by the server, with the
// reason), presence, reactions summed into one broadcast per room and window, limits and malformed messages,
// questions with one vote per caller, moderation refused to the audience, and the state broadcasts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../src/protocol';
import {
  ActionReply,
  JoinReply,
  MEETUP_EVENTS,
  Meetup,
  ReactionWindow,
  type HostStats,
  type Question,
  type ReactionKind,
} from '../../src/protocol/meetup';
import { SAMPLE_PROJECT } from '../../src/server/sample-project';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

/** Asymmetric matchers typed as `unknown`, so they sit in typed objects without an `any`. */
const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);
const containing = (text: string): unknown => expect.stringContaining(text);

const WINDOW_MS = 250;
const REACT_BURST = 20;
let server: TestServer;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer({
    // The feed's per-socket limit out of the way, and a caller limit that does not refill during a test:
    // what the meet-up's own limits accept is then exact.
    limits: { socketRateLimit: { perSecond: 1000, burst: 1000 } },
    meetupLimits: { reactRateLimit: { perSecond: 0.001, burst: REACT_BURST }, askRateLimit: { perSecond: 0.001, burst: 3 }, reactionWindowMs: WINDOW_MS, presenceIntervalMs: 100, hostStatsIntervalMs: 200 },
  });
  await server.storage.ensureProject({ ...SAMPLE_PROJECT, id: 'closed-set', visibility: 'backers', title: { en: 'Closed set' } });
  for (let i = 0; i < 12; i++) await server.storage.ensureBackerToken(`gold-${i}`, { label: 'test', tier: 'gold', projects: [PROJECT_ID] });
  await server.storage.ensureBackerToken('platinum-all', { label: 'test', tier: 'platinum', projects: '*' });
  await server.storage.ensureBackerToken('supporter-1', { label: 'test', tier: 'supporter', projects: [PROJECT_ID] });
  await server.storage.ensureBackerToken('gold-elsewhere', { label: 'test', tier: 'gold', projects: ['closed-set'] });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server.dispose();
});

async function api(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

let meetupCount = 0;
/** A fresh meet-up (live unless told otherwise), so each test counts only its own traffic. */
async function meetup(options: { live?: boolean; projectId?: string; requiredTier?: string } = {}): Promise<string> {
  const id = `socket-meet-${++meetupCount}`;
  const response = await api('POST', `/api/projects/${options.projectId ?? PROJECT_ID}/meetups`, {
    id,
    title: { en: id },
    star: { en: 'Lin Yue' },
    scheduledStart: new Date().toISOString(),
    requiredTier: options.requiredTier ?? 'gold',
  });
  expect(response.status).toBe(201);
  if (options.live !== false) expect((await api('POST', `/api/meetups/${id}/start`)).status).toBe(200);
  return id;
}

interface Client {
  socket: Socket;
  windows: ReactionWindow[];
  presence: number[];
  questions: Question[];
  states: Meetup[];
  errors: { event: string; error: { code: string; message: string } }[];
  hostStats: HostStats[];
}

async function client(token?: string): Promise<Client> {
  const socket = connect(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { v: PROTOCOL_VERSION, ...(token ? { token } : {}) } });
  sockets.push(socket);
  const c: Client = { socket, windows: [], presence: [], questions: [], states: [], errors: [], hostStats: [] };
  socket.on(MEETUP_EVENTS.reactions, (w: unknown) => c.windows.push(ReactionWindow.parse(w)));
  socket.on(MEETUP_EVENTS.presence, (p: { audience: number }) => c.presence.push(p.audience));
  socket.on(MEETUP_EVENTS.question, (q: { question: Question }) => c.questions.push(q.question));
  socket.on(MEETUP_EVENTS.state, (m: unknown) => c.states.push(Meetup.parse(m)));
  socket.on(MEETUP_EVENTS.error, (e: Client['errors'][number]) => c.errors.push(e));
  socket.on(MEETUP_EVENTS.hostStats, (s: HostStats) => c.hostStats.push(s));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return c;
}

const join = async (c: Client, meetupId: string) => JoinReply.parse(await c.socket.timeout(3_000).emitWithAck(MEETUP_EVENTS.join, { meetupId }));
const act = async (c: Client, event: string, payload: unknown) => ActionReply.parse(await c.socket.timeout(3_000).emitWithAck(event, payload));
async function joined(token: string, meetupId: string): Promise<Client> {
  const c = await client(token);
  const reply = await join(c, meetupId);
  expect(reply.ok).toBe(true);
  return c;
}
const react = (c: Client, meetupId: string, kind: ReactionKind, count: number) => c.socket.emit(MEETUP_EVENTS.react, { meetupId, kind, count });
const sum = (counts: Partial<Record<ReactionKind, number>>) => Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);

describe('entry, decided by the server', () => {
  it('refuses anonymous and lower tiers with the reason and the tier that would let them in; lets gold and the host in', async () => {
    const id = await meetup();
    const anonymous = await join(await client(), id);
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'unauthorized' }, requiredTier: 'gold' });

    const supporter = await join(await client('supporter-1'), id);
    expect(supporter).toMatchObject({ ok: false, error: { code: 'forbidden', message: containing('gold') }, requiredTier: 'gold', yourTier: 'supporter' });

    const gold = await join(await client('gold-0'), id);
    expect(gold).toMatchObject({ ok: true, role: 'audience', meetup: { id, state: 'live', streamUrl: matching(/^\/live\//) } });
    const platinum = await join(await client('platinum-all'), id);
    expect(platinum).toMatchObject({ ok: true, role: 'audience' });
    const host = await join(await client(OPERATOR_TOKEN), id);
    expect(host).toMatchObject({ ok: true, role: 'host' });
  });

  it('answers not-found for an unknown meet-up, for a project the token does not include, and refuses a malformed join', async () => {
    expect(await join(await client('gold-0'), 'no-such-meetup')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const closed = await meetup({ projectId: 'closed-set' });
    expect(await join(await client('gold-0'), closed)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await join(await client('gold-elsewhere'), closed)).toMatchObject({ ok: true });
    const bad = JoinReply.parse(await (await client('gold-0')).socket.timeout(3_000).emitWithAck(MEETUP_EVENTS.join, { meetupId: 'Bad Id', extra: true }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request', message: matching(/meetupId|extra/) } });
  });
});

describe('presence', () => {
  it('counts the audience (not the host), up on joins and down on leave and disconnect', async () => {
    const id = await meetup();
    const host = await joined(OPERATOR_TOKEN, id);
    const a = await joined('gold-1', id);
    const b = await joined('gold-2', id);
    const c = await joined('gold-3', id);
    await waitFor(() => host.presence.at(-1) === 3, 3_000, 'audience 3');
    expect(a.presence.at(-1) ?? 3).toBe(3);
    await act(b, MEETUP_EVENTS.leave, { meetupId: id });
    await waitFor(() => host.presence.at(-1) === 2, 3_000, 'audience 2 after a leave');
    c.socket.close();
    await waitFor(() => host.presence.at(-1) === 1, 3_000, 'audience 1 after a disconnect');
    // Throttled: the three joins came as fewer broadcasts than events, and never more than one per interval.
    expect(host.presence.length).toBeLessThanOrEqual(5);
  });
});

describe('reactions', () => {
  it('sums N clients × M messages into exact totals, one identical broadcast per window to everyone, and stores the timeline', async () => {
    const id = await meetup();
    const clients = await Promise.all(Array.from({ length: 6 }, (_, i) => joined(`gold-${i}`, id)));
    const host = await joined(OPERATOR_TOKEN, id);
    const kinds: ReactionKind[] = ['heart', 'flower', 'applause', 'laugh', 'wow'];
    const expected: Partial<Record<ReactionKind, number>> = {};
    const started = Date.now();
    for (let m = 0; m < 12; m++) {
      clients.forEach((c, n) => {
        const kind = kinds[(n + m) % kinds.length]!;
        const count = ((n * 7 + m) % 20) + 1;
        expected[kind] = (expected[kind] ?? 0) + count;
        react(c, id, kind, count);
      });
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    const total = sum(expected);
    const last = (c: Client) => c.windows.at(-1)?.totals;
    await waitFor(() => clients.every((c) => last(c) && sum(last(c)!) === total) && host.windows.length > 0, 5_000, 'every client to see the final totals');
    const elapsed = Date.now() - started;

    expect(last(host)).toEqual(expected);
    for (const c of clients) expect(c.windows).toEqual(host.windows);
    const windows = host.windows;
    // The windows' counts add up to the totals exactly: nothing lost, nothing counted twice.
    for (const kind of kinds) expect(windows.reduce((s, w) => s + (w.counts[kind] ?? 0), 0)).toBe(expected[kind]);
    // One broadcast per window: never two within one window's length, never more than the time allows.
    for (let i = 1; i < windows.length; i++) expect(windows[i]!.at - windows[i - 1]!.at).toBeGreaterThanOrEqual(WINDOW_MS - 50);
    expect(windows.length).toBeLessThanOrEqual(Math.ceil(elapsed / (WINDOW_MS - 50)) + 1);
    expect(clients.flatMap((c) => c.errors)).toEqual([]);

    const timeline = (await (await api('GET', `/api/meetups/${id}/reactions`)).json()) as { windows: unknown[]; totals: unknown };
    expect(timeline.totals).toEqual(expected);
    expect(timeline.windows).toEqual(windows.map((w) => ({ at: w.at, counts: w.counts })));
    await waitFor(() => host.hostStats.some((s) => s.meetupId === id && s.reactionsPerSecond > 0 && s.audience === 6), 3_000, 'host stats with the reaction rate');
  });

  it('takes a caller\'s burst, refuses the rest with a rate-limited error, and counts exactly what it took', async () => {
    const id = await meetup();
    const flooder = await joined('gold-7', id);
    const watcher = await joined('gold-8', id);
    const acceptedBefore = server.server.meetups!.gateway.stats.reactionsAccepted;
    for (let i = 0; i < REACT_BURST + 15; i++) react(flooder, id, 'heart', 2);
    await waitFor(() => watcher.windows.at(-1)?.totals.heart === REACT_BURST * 2, 5_000, 'the burst to be counted');
    await waitFor(() => flooder.errors.length > 0, 3_000, 'a rate-limited error');
    expect(flooder.errors[0]).toMatchObject({ event: MEETUP_EVENTS.react, error: { code: 'rate-limited' } });
    // At most one error a second back to the flooder, however many messages were dropped.
    expect(flooder.errors.length).toBe(1);
    expect(server.server.meetups!.gateway.stats.reactionsAccepted - acceptedBefore).toBe(REACT_BURST * 2);
    // Another caller is not affected by the flooder's limit.
    react(watcher, id, 'wow', 3);
    await waitFor(() => watcher.windows.at(-1)?.totals.wow === 3, 3_000, "the other caller's reaction");
  });

  it.each([
    ['an unknown kind', { kind: 'kiss', count: 1 }, 'kind'],
    ['a zero count', { kind: 'heart', count: 0 }, 'count'],
    ['too many in one message', { kind: 'heart', count: 21 }, 'count'],
    ['an extra field', { kind: 'heart', count: 1, boost: 100 }, 'boost'],
  ])('refuses %s with a clear error and counts nothing', async (_name, fields, path) => {
    const id = await meetup();
    const c = await joined('gold-9', id);
    c.socket.emit(MEETUP_EVENTS.react, { meetupId: id, ...fields });
    await waitFor(() => c.errors.length > 0, 3_000, 'the error');
    expect(c.errors[0]).toMatchObject({ event: MEETUP_EVENTS.react, error: { code: 'invalid-request', message: containing(path) } });
    expect(await server.meetupStorage.reactionTotals(id)).toEqual({});
  });

  it('refuses reactions from a socket that has not joined, and while the meet-up is not live', async () => {
    const live = await meetup();
    const outsider = await client('gold-10');
    react(outsider, live, 'heart', 1);
    await waitFor(() => outsider.errors.length > 0, 3_000, 'the error');
    expect(outsider.errors[0]).toMatchObject({ error: { code: 'forbidden' } });

    const scheduled = await meetup({ live: false });
    const early = await joined('gold-11', scheduled);
    react(early, scheduled, 'heart', 1);
    await waitFor(() => early.errors.length > 0, 3_000, 'the error');
    expect(early.errors[0]).toMatchObject({ error: { code: 'invalid-request', message: containing('live') } });
    expect(await server.meetupStorage.reactionTotals(live)).toEqual({});
    expect(await server.meetupStorage.reactionTotals(scheduled)).toEqual({});
  });
});

describe('questions', () => {
  it('takes a question, counts one vote per caller, and refuses an audience socket that forges a host action', async () => {
    const id = await meetup();
    const asker = await joined('gold-0', id);
    const voter = await joined('gold-1', id);
    const host = await joined(OPERATOR_TOKEN, id);

    const asked = await act(asker, MEETUP_EVENTS.ask, { meetupId: id, text: '  What was the hardest scene?  ', askedBy: 'Mei' });
    expect(asked).toMatchObject({ ok: true, question: { text: 'What was the hardest scene?', askedBy: 'Mei', votes: 0, status: 'open' } });
    const questionId = asked.ok ? asked.question!.id : '';
    await waitFor(() => host.questions.some((q) => q.id === questionId), 3_000, 'the host to see the question');

    expect(await act(voter, MEETUP_EVENTS.upvote, { meetupId: id, questionId })).toMatchObject({ ok: true, question: { votes: 1 } });
    expect(await act(voter, MEETUP_EVENTS.upvote, { meetupId: id, questionId })).toMatchObject({ ok: false, error: { message: containing('already') } });
    // The same token on a second socket is the same caller.
    const sameCaller = await joined('gold-1', id);
    expect(await act(sameCaller, MEETUP_EVENTS.upvote, { meetupId: id, questionId })).toMatchObject({ ok: false });
    expect(await act(asker, MEETUP_EVENTS.upvote, { meetupId: id, questionId })).toMatchObject({ ok: true, question: { votes: 2 } });

    const forged = await act(voter, MEETUP_EVENTS.moderate, { meetupId: id, questionId, action: 'dismiss' });
    expect(forged).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(server.server.meetups!.gateway.stats.forbiddenModerations).toBeGreaterThan(0);
    expect((await server.meetupStorage.questions(id, true))[0]).toMatchObject({ id: questionId, status: 'open', votes: 2 });
  });

  it('spotlights one question at a time for everyone, and a dismissed one leaves the audience\'s board', async () => {
    const id = await meetup();
    const backer = await joined('gold-2', id);
    const host = await joined(OPERATOR_TOKEN, id);
    const ids: string[] = [];
    for (const text of ['First question?', 'Second question?', 'Third question?']) {
      const reply = await act(backer, MEETUP_EVENTS.ask, { meetupId: id, text });
      if (!reply.ok) throw new Error('ask refused');
      ids.push(reply.question!.id);
    }
    expect(await act(host, MEETUP_EVENTS.moderate, { meetupId: id, questionId: ids[0], action: 'spotlight' })).toMatchObject({ ok: true, question: { status: 'spotlight' } });
    await waitFor(() => backer.questions.some((q) => q.id === ids[0] && q.status === 'spotlight'), 3_000, 'the backer to see the spotlight');
    await act(host, MEETUP_EVENTS.moderate, { meetupId: id, questionId: ids[1], action: 'spotlight' });
    await waitFor(() => backer.questions.some((q) => q.id === ids[0] && q.status === 'answered'), 3_000, 'the first spotlight to end');
    const board = await server.meetupStorage.questions(id, true);
    expect(board.filter((q) => q.status === 'spotlight').map((q) => q.id)).toEqual([ids[1]]);

    await act(host, MEETUP_EVENTS.moderate, { meetupId: id, questionId: ids[2], action: 'dismiss' });
    const late = await join(await client('gold-3'), id);
    if (!late.ok) throw new Error('join refused');
    expect(late.questions.map((q) => q.id)).not.toContain(ids[2]);
    expect(late.questions[0]!.id).toBe(ids[1]);
    const hostView = await join(host, id);
    if (!hostView.ok) throw new Error('host join refused');
    expect(hostView.questions.map((q) => q.id)).toContain(ids[2]);
  });

  it('refuses empty, overlong and too frequent questions with a clear reason, storing none of them', async () => {
    const id = await meetup();
    const c = await joined('gold-4', id);
    expect(await act(c, MEETUP_EVENTS.ask, { meetupId: id, text: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid-request', message: containing('text') } });
    expect(await act(c, MEETUP_EVENTS.ask, { meetupId: id, text: 'x'.repeat(281) })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(await act(c, MEETUP_EVENTS.ask, { meetupId: id, text: `Question ${i}?` }));
    expect(replies.filter((r) => r.ok)).toHaveLength(3);
    expect(replies.at(-1)).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    expect(await server.meetupStorage.questions(id, true)).toHaveLength(3);
    // A request without an ack cannot be answered: it is dropped and counted, and stores nothing.
    const before = server.server.meetups!.gateway.stats.invalidRequests;
    c.socket.emit(MEETUP_EVENTS.ask, { meetupId: id, text: 'no ack?' });
    await waitFor(() => server.server.meetups!.gateway.stats.invalidRequests > before, 3_000, 'the dropped ask');
    expect(await server.meetupStorage.questions(id, true)).toHaveLength(3);
  });
});

describe('state broadcasts', () => {
  it('tells the room when the meet-up starts and ends, with the last reactions in the timeline', async () => {
    const id = await meetup({ live: false });
    const c = await joined('gold-5', id);
    expect((await api('POST', `/api/meetups/${id}/start`)).status).toBe(200);
    await waitFor(() => c.states.some((m) => m.state === 'live'), 3_000, 'the live state');
    expect(c.states.at(-1)!.streamUrl).toMatch(/^\/live\//);
    const acceptedBefore = server.server.meetups!.gateway.stats.reactionsAccepted;
    react(c, id, 'flower', 5);
    // End right away: the open window is flushed before the room hears "ended".
    await waitFor(() => server.server.meetups!.gateway.stats.reactionsAccepted === acceptedBefore + 5, 3_000, 'the reaction to arrive');
    expect((await api('POST', `/api/meetups/${id}/end`)).status).toBe(200);
    await waitFor(() => c.states.some((m) => m.state === 'ended'), 3_000, 'the ended state');
    expect(c.states.at(-1)!.streamUrl).toMatch(/^\/replay\//);
    expect(await server.meetupStorage.reactionTotals(id)).toEqual({ flower: 5 });
  });
});

describe('after a restart', () => {
  // Callers whose reaction budget the tests above left untouched (the limit does not refill during a run).
  it('keeps the totals, the reactions timeline and the questions with their votes', async () => {
    const id = await meetup();
    const c = await joined('gold-10', id);
    const other = await joined('gold-11', id);
    react(c, id, 'applause', 7);
    react(other, id, 'heart', 4);
    await waitFor(() => c.windows.at(-1)?.totals.applause === 7 && c.windows.at(-1)?.totals.heart === 4, 3_000, 'both reactions counted');
    const asked = await act(c, MEETUP_EVENTS.ask, { meetupId: id, text: 'Will there be a sequel?' });
    if (!asked.ok) throw new Error('ask refused');
    await act(other, MEETUP_EVENTS.upvote, { meetupId: id, questionId: asked.question!.id });
    const timelineBefore = await server.meetupStorage.reactionTimeline(id);

    await server.stop();
    await server.start();
    const back = await join(await client('gold-10'), id);
    if (!back.ok) throw new Error('join refused after the restart');
    expect(back.totals).toEqual({ applause: 7, heart: 4 });
    expect(back.questions).toEqual([expect.objectContaining({ id: asked.question!.id, votes: 1 }) as unknown]);
    expect(await server.meetupStorage.reactionTimeline(id)).toEqual(timelineBefore);
    // The vote is remembered too: the same caller cannot vote again.
    const voter = await joined('gold-11', id);
    expect(await act(voter, MEETUP_EVENTS.upvote, { meetupId: id, questionId: asked.question!.id })).toMatchObject({ ok: false });
  });
});
