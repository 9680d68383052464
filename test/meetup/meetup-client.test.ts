// The meet-up client over a real socket.io connection to a scripted server: reactions coalesced per frame and
// split at the per-message cap, refusals with reason and tier, the question board, the spotlight, and bad
// payloads rejected with a logged reason while the room stays as it was.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_REACTIONS_PER_MESSAGE, MEETUP_EVENTS } from '../../src/protocol/meetup';
import { MeetupClient } from '../../src/meetup/meetup-client';
import { liveAudience } from '../../src/meetup/meetup-room';
import { createAppStore, type AppStore } from '../../src/store/app-store';
import { recordingLogger, type RecordingLogger } from '../helpers/feed-client';
import { waitFor } from '../helpers/wait';
import { LIVE_MEETUP, joined, question, startScriptedMeetupServer, type Script, type ScriptedMeetupServer } from './scripted-meetup-server';

let server: ScriptedMeetupServer | undefined;
let client: MeetupClient | undefined;
afterEach(async () => {
  client?.dispose();
  await server?.close();
  client = server = undefined;
});

/** Frames run only when the test says so: "one frame" is then exact, not a guess about timers. */
function manualFrames() {
  const queue: (() => void)[] = [];
  return {
    schedule: (callback: () => void) => void queue.push(callback),
    run: () => queue.splice(0).forEach((callback) => callback()),
  };
}

interface Harness {
  server: ScriptedMeetupServer;
  client: MeetupClient;
  store: AppStore;
  logger: RecordingLogger;
  frames: ReturnType<typeof manualFrames>;
  clock: { now: number };
}

async function joinedClient(script: Script = {}, token = 'gold-token'): Promise<Harness> {
  server = await startScriptedMeetupServer(script);
  const store = createAppStore();
  const logger = recordingLogger();
  const frames = manualFrames();
  const clock = { now: 1_000 };
  client = new MeetupClient({
    url: server.url,
    store,
    logger,
    token: () => token,
    scheduleFrame: frames.schedule,
    replyTimeoutMs: 2_000,
    socketOptions: { transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 300 },
  });
  // The send interval is measured on this clock, so the test decides when it has passed.
  (client.reactions as unknown as { now: () => number }).now = () => clock.now;
  client.join(LIVE_MEETUP.id);
  await waitFor(() => ['joined', 'refused'].includes(store.getState().meetup.phase), 5_000, 'a join answer');
  return { server, client, store, logger, frames, clock };
}

const reacts = (s: ScriptedMeetupServer) => s.received.filter((r) => r.event === MEETUP_EVENTS.react).map((r) => r.payload);

describe('meet-up client', () => {
  it('sends many taps of one frame as one message per kind, at most 20 each, splitting beyond', async () => {
    const { server, client, frames, clock } = await joinedClient();
    for (let i = 0; i < 7; i++) client.react('heart');
    client.react('applause', 3);
    expect(reacts(server)).toHaveLength(0); // nothing leaves before the frame
    frames.run();
    await waitFor(() => reacts(server).length === 2, 2_000, 'two messages');
    expect(reacts(server)).toEqual([
      { meetupId: LIVE_MEETUP.id, kind: 'heart', count: 7 },
      { meetupId: LIVE_MEETUP.id, kind: 'applause', count: 3 },
    ]);

    // 45 hearts in the next frame, once the send interval has passed: 20 + 20 now (two messages a send keep
    // within the server's per-caller limit), the last 5 at the next send.
    clock.now += 300;
    for (let i = 0; i < 45; i++) client.react('heart');
    frames.run();
    await waitFor(() => reacts(server).length === 4, 2_000, 'two more messages');
    frames.run(); // too soon: the rest waits
    clock.now += 300;
    frames.run();
    await waitFor(() => reacts(server).length === 5, 2_000, 'the last five');
    const storm = reacts(server).slice(2) as { count: number }[];
    expect(storm.map((m) => m.count)).toEqual([20, 20, 5]);
    expect(storm.every((m) => m.count <= MAX_REACTIONS_PER_MESSAGE)).toBe(true);
    expect(client.reactions.stats).toMatchObject({ taps: 55, messages: 5, dropped: 0 });
  });

  it('holds taps until the send interval has passed, then sends them together', async () => {
    const { server, client, frames, clock } = await joinedClient();
    client.react('flower');
    frames.run();
    await waitFor(() => reacts(server).length === 1, 2_000, 'the first message');
    clock.now += 100; // within the 250 ms interval: frames pass, nothing is sent
    client.react('flower');
    client.react('flower');
    frames.run();
    frames.run();
    clock.now += 200;
    client.react('wow');
    frames.run();
    await waitFor(() => reacts(server).length === 3, 2_000, 'the held taps');
    expect(reacts(server).slice(1)).toEqual([
      { meetupId: LIVE_MEETUP.id, kind: 'flower', count: 2 },
      { meetupId: LIVE_MEETUP.id, kind: 'wow', count: 1 },
    ]);
  });

  it('surfaces a tier refusal as a state with the reason and the tier that would let the backer in', async () => {
    const { store, client } = await joinedClient({
      join: () => ({ ok: false, error: { code: 'forbidden', message: 'this meet-up is for gold backers and above' }, requiredTier: 'gold', yourTier: 'supporter' }),
    });
    const room = store.getState().meetup;
    expect(room.phase).toBe('refused');
    expect(room.refusal).toEqual({ code: 'forbidden', message: 'this meet-up is for gold backers and above', requiredTier: 'gold', yourTier: 'supporter' });
    expect(room.meetup).toBeNull();
    // A refused room takes no reactions.
    expect(client.react('heart')).toBe(false);
  });

  it('reads a refused handshake (a token the server does not know) as a refusal too', async () => {
    // The real server's middleware refuses unknown tokens before any join: play that part.
    const { Server } = await import('socket.io');
    const { createServer } = await import('node:http');
    const http = createServer();
    const refusing = new Server(http);
    refusing.use((_socket, next) => next(Object.assign(new Error('this backer token is not valid'), { data: { code: 'forbidden', message: 'this backer token is not valid' } })));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const store = createAppStore();
    client = new MeetupClient({ url: `http://127.0.0.1:${(http.address() as { port: number }).port}`, store, logger: recordingLogger(), token: () => 'nope', socketOptions: { transports: ['websocket'] } });
    client.join(LIVE_MEETUP.id);
    await waitFor(() => store.getState().meetup.phase === 'refused', 5_000, 'refused');
    expect(store.getState().meetup.refusal).toEqual({ code: 'forbidden', message: 'this backer token is not valid' });
    await new Promise((resolve) => void refusing.close(() => resolve(undefined)));
  });

  it('orders the question board by votes, then by who asked first, and drops answered and dismissed ones', async () => {
    const { server, store } = await joinedClient({
      join: () => joined([question('a', 1, '2026-11-25T20:01:00Z'), question('b', 5, '2026-11-25T20:02:00Z'), question('c', 1, '2026-11-25T20:00:30Z'), question('d', 9, '2026-11-25T20:00:00Z', 'dismissed')]),
    });
    const ids = () => store.getState().meetup.questions.map((q) => q.id);
    expect(ids()).toEqual(['b', 'c', 'a']);
    server.emit(MEETUP_EVENTS.question, { meetupId: LIVE_MEETUP.id, question: question('a', 6, '2026-11-25T20:01:00Z') });
    await waitFor(() => ids()[0] === 'a', 2_000, 'a on top');
    expect(ids()).toEqual(['a', 'b', 'c']);
    // A new question, as a bare record, joins at its place; an answered one leaves.
    server.emit(MEETUP_EVENTS.question, question('e', 0, '2026-11-25T20:03:00Z'));
    server.emit(MEETUP_EVENTS.question, { meetupId: LIVE_MEETUP.id, question: question('b', 5, '2026-11-25T20:02:00Z', 'answered') });
    await waitFor(() => ids().join() === 'a,c,e', 2_000, 'board a,c,e');
  });

  it('puts a spotlighted question on top and a new spotlight replaces the previous one', async () => {
    const { server, store, client } = await joinedClient({
      join: () => joined([question('q1', 3, '2026-11-25T20:01:00Z'), question('q2', 1, '2026-11-25T20:02:00Z')]),
      action: (event, request) => (event === MEETUP_EVENTS.ask ? { ok: true, question: { ...question('q3', 0, '2026-11-25T20:04:00Z'), text: (request as { text: string }).text } } : { ok: true }),
    });
    server.emit(MEETUP_EVENTS.question, { meetupId: LIVE_MEETUP.id, question: question('q2', 1, '2026-11-25T20:02:00Z', 'spotlight') });
    await waitFor(() => store.getState().meetup.spotlight?.id === 'q2', 2_000, 'q2 in the spotlight');
    expect(store.getState().meetup.questions.map((q) => q.id)).toEqual(['q2', 'q1']);

    const asked = await client.ask('  What was the hardest scene?  ');
    expect(asked.ok).toBe(true);
    expect(store.getState().meetup.questions.map((q) => q.id)).toContain('q3');
    server.emit(MEETUP_EVENTS.question, { meetupId: LIVE_MEETUP.id, question: { ...question('q3', 0, '2026-11-25T20:04:00Z', 'spotlight'), text: 'What was the hardest scene?' } });
    await waitFor(() => store.getState().meetup.spotlight?.id === 'q3', 2_000, 'q3 in the spotlight');
    const room = store.getState().meetup;
    expect(room.spotlight?.text).toBe('What was the hardest scene?');
    // Only one spotlight: q2 left the board even before the server's "answered" note for it.
    expect(room.questions.map((q) => `${q.id}:${q.status}`)).toEqual(['q3:spotlight', 'q1:open']);
  });

  it('a replay has no one "answering now" and no audience: both are live-only', async () => {
    const ended = { ...LIVE_MEETUP, state: 'ended' as const, endedAt: '2026-11-25T21:00:00.000Z', streamUrl: '/replay/meet-the-keeper/index.m3u8' };
    // Joined live with a question on stage and a dozen watching; then the host ends the meet-up.
    const { server, store } = await joinedClient({ join: () => joined([question('q1', 3, '2026-11-25T20:01:00Z'), question('q2', 1, '2026-11-25T20:02:00Z', 'spotlight')]) });
    expect(store.getState().meetup.spotlight?.id).toBe('q2');
    expect(liveAudience(store.getState().meetup)).toBe(12);
    server.emit(MEETUP_EVENTS.state, ended);
    await waitFor(() => store.getState().meetup.meetup?.state === 'ended', 2_000, 'ended');
    const room = store.getState().meetup;
    expect(room.spotlight).toBeNull();
    expect(room.questions.map((q) => `${q.id}:${q.status}`)).toEqual(['q1:open']);
    expect(liveAudience(room)).toBeNull();
    // A late spotlight note for an ended meet-up puts nothing on stage.
    server.emit(MEETUP_EVENTS.question, { meetupId: LIVE_MEETUP.id, question: question('q1', 3, '2026-11-25T20:01:00Z', 'spotlight') });
    server.emit(MEETUP_EVENTS.presence, { meetupId: LIVE_MEETUP.id, audience: 1 });
    await waitFor(() => store.getState().meetup.audience === 1, 2_000, 'the presence count');
    expect(store.getState().meetup.spotlight).toBeNull();
    expect(liveAudience(store.getState().meetup)).toBeNull();
  });

  it('opening a replay shows the spotlight of the join reply as answered, not on stage', async () => {
    const ended = { ...LIVE_MEETUP, state: 'ended' as const, streamUrl: '/replay/meet-the-keeper/index.m3u8' };
    const { store } = await joinedClient({ join: () => joined([question('q1', 3, '2026-11-25T20:01:00Z'), question('q2', 1, '2026-11-25T20:02:00Z', 'spotlight')], ended) });
    expect(store.getState().meetup.phase).toBe('joined');
    expect(store.getState().meetup.spotlight).toBeNull();
    expect(store.getState().meetup.questions.some((q) => q.status === 'spotlight')).toBe(false);
  });

  it('rejects bad server payloads with a logged reason and keeps the room as it was', async () => {
    const { server, store, logger } = await joinedClient({ join: () => joined([question('q1', 3, '2026-11-25T20:01:00Z')]) });
    // The stream pass is fetched over HTTP after the join and puts the stream on stage when it lands: wait for it, so
    // that the room compared below is the settled one and not one the pass is about to change.
    await waitFor(() => store.getState().meetup.meetup?.streamUrl !== undefined, 2_000, 'the stream pass');
    const before = store.getState().meetup;
    server.emit(MEETUP_EVENTS.presence, { meetupId: LIVE_MEETUP.id, audience: -4 });
    server.emit(MEETUP_EVENTS.reactions, { meetupId: LIVE_MEETUP.id, at: 1000, counts: { confetti: 5 }, totals: {} });
    server.emit(MEETUP_EVENTS.question, { meetupId: LIVE_MEETUP.id, question: { id: 'q9', text: 'hi', votes: 'many', status: 'open', askedAt: 'x' } });
    server.emit(MEETUP_EVENTS.state, { ...LIVE_MEETUP, state: 'paused' });
    server.emit(MEETUP_EVENTS.state, { ...LIVE_MEETUP, state: 'scheduled' }); // valid, but backwards
    server.emit(MEETUP_EVENTS.presence, 'lots');
    await waitFor(() => logger.lines.filter((l) => l.level === 'warn').length === 6, 2_000, 'six rejections');
    expect(store.getState().meetup).toBe(before);
    const reasons = logger.lines.filter((l) => l.level === 'warn').map((l) => `${l.message} | ${String(l.details?.reason)}`);
    expect(reasons[0]).toMatch(/rejected an invalid presence count \| audience: /);
    expect(reasons[1]).toMatch(/rejected an invalid reactions window \| counts/);
    expect(reasons[2]).toMatch(/rejected an invalid question/);
    expect(reasons[3]).toMatch(/rejected an invalid meet-up state \| state: expected one of/);
    expect(reasons[4]).toMatch(/goes backwards \| live → scheduled/);
    // A good message after the bad ones still applies.
    server.emit(MEETUP_EVENTS.presence, { meetupId: LIVE_MEETUP.id, audience: 40 });
    await waitFor(() => store.getState().meetup.audience === 40, 2_000, 'audience 40');
  });

  it('keeps only its own meet-up: messages for another room change nothing', async () => {
    const { server, store, logger } = await joinedClient();
    const before = store.getState().meetup;
    server.emit(MEETUP_EVENTS.presence, { meetupId: 'another-one', audience: 99 });
    server.emit(MEETUP_EVENTS.presence, { meetupId: LIVE_MEETUP.id, audience: 13 });
    await waitFor(() => store.getState().meetup.audience === 13, 2_000, 'audience 13');
    expect({ ...store.getState().meetup, audience: before.audience }).toEqual(before);
    expect(logger.lines.filter((l) => l.level === 'warn')).toEqual([]);
  });

  it('checks a question before sending it, and shows the server’s refusal of an action', async () => {
    const { server, store, client } = await joinedClient({ action: () => ({ ok: false, error: { code: 'rate-limited', message: 'one question every 10 seconds' } }) });
    const blank = await client.ask('   ');
    expect(blank).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const long = await client.ask('x'.repeat(281));
    expect(long.ok ? '' : long.error.message).toMatch(/text: .*280/);
    expect(server.received.filter((r) => r.event === MEETUP_EVENTS.ask)).toHaveLength(0);
    const refused = await client.ask('Will there be a sequel?');
    expect(refused).toEqual({ ok: false, error: { code: 'rate-limited', message: 'one question every 10 seconds' } });
    expect(store.getState().meetup.actionError?.code).toBe('rate-limited');
  });

  it('applies reaction windows: totals, the burst’s last window and the timeline', async () => {
    const { server, store } = await joinedClient();
    server.emit(MEETUP_EVENTS.reactions, { meetupId: LIVE_MEETUP.id, at: 250, counts: { heart: 40, wow: 2 }, totals: { heart: 43, wow: 2 } });
    server.emit(MEETUP_EVENTS.reactions, { meetupId: LIVE_MEETUP.id, at: 500, counts: { applause: 5 }, totals: { heart: 43, wow: 2, applause: 5 } });
    await waitFor(() => store.getState().meetup.timeline.length === 2, 2_000, 'two windows');
    const room = store.getState().meetup;
    expect(room.totals).toEqual({ heart: 43, wow: 2, applause: 5 });
    expect(room.lastWindow?.counts).toEqual({ applause: 5 });
    expect(room.timeline).toEqual([{ at: 250, total: 42 }, { at: 500, total: 5 }]);
  });

  it('joins again after the connection drops, and takes the server’s state as the truth', async () => {
    let joins = 0;
    const { server, store } = await joinedClient({ join: () => (++joins === 1 ? joined() : { ...joined(), audience: 77 }) });
    // The transport drops (as when the network does), not a deliberate kick by the server.
    for (const socket of server.sockets()) socket.conn.close();
    await waitFor(() => store.getState().meetup.phase === 'reconnecting', 2_000, 'reconnecting');
    await waitFor(() => store.getState().meetup.phase === 'joined' && store.getState().meetup.audience === 77, 5_000, 'joined again');
    expect(joins).toBe(2);
  });

  it('never puts the token anywhere but the handshake', async () => {
    const { server, client } = await joinedClient({}, 'secret-gold-token');
    client.react('heart');
    await client.ask('hello');
    expect(server.received.every((r) => r.token === 'secret-gold-token')).toBe(true);
    expect(JSON.stringify(server.received.map((r) => r.payload))).not.toContain('secret-gold-token');
  });
});

describe('reaction coalescer limits', () => {
  it('drops (and counts) only what exceeds a second of sending at the full rate', async () => {
    const { ReactionCoalescer } = await import('../../src/meetup/reaction-coalescer');
    const sent: { count: number }[] = [];
    const frames = manualFrames();
    const coalescer = new ReactionCoalescer({ send: (r) => sent.push(r), scheduleFrame: frames.schedule, now: () => 0 });
    coalescer.tap('m', 'heart', 1_000);
    frames.run();
    // 2 messages of 20 now; one second at 2 × 20 × 4 = 160 may wait; the other 800 are dropped.
    expect(sent.map((m) => m.count)).toEqual([20, 20]);
    expect(coalescer.stats.dropped).toBe(800);
  });
});
