// Circles on the real server over real sockets and a real SQLite file: starting and joining (the caller's own
// access decides, on a backers-only project too), the shared playback and the wait for a stalled member, host
// actions, every refusal with its reason, floods, a restart that keeps the circle, and expiry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../src/protocol';
import {
  CIRCLE_CODE_ALPHABET,
  CIRCLE_EVENTS,
  CircleActionReply,
  CircleReply,
  CircleView,
  circleMediaTime,
  type CircleClosed,
  type CircleRefusal,
} from '../../src/protocol/circle';
import { SAMPLE_PROJECT } from '../../src/server/sample-project';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

const MAX_MEMBERS = 3;
const WAIT_MS = 300;
let server: TestServer;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer({
    // Joins from one test address would otherwise meet the per-address join limit; it has its own test below.
    circleLimits: { maxMembers: MAX_MEMBERS, waitForMemberMs: WAIT_MS, joinRateLimit: { perSecond: 1000, burst: 1000 } },
  });
  await server.storage.ensureProject({ ...SAMPLE_PROJECT, id: 'closed-set', visibility: 'backers', title: { en: 'Closed set' } });
  await server.storage.ensureBackerToken('closed-1', { label: 'test', tier: 'supporter', projects: ['closed-set'] });
  await server.storage.ensureBackerToken('closed-2', { label: 'test', tier: 'gold', projects: ['closed-set'] });
  await server.storage.ensureBackerToken('elsewhere', { label: 'test', tier: 'gold', projects: [PROJECT_ID] });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server.dispose();
});

interface Member {
  socket: Socket;
  views: CircleView[];
  closed: CircleClosed[];
  latest(): CircleView | undefined;
}

async function member(token?: string, url = server.url): Promise<Member> {
  const socket = connect(url, { auth: { v: PROTOCOL_VERSION, ...(token ? { token } : {}) }, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  const views: CircleView[] = [];
  const closed: CircleClosed[] = [];
  socket.on(CIRCLE_EVENTS.state, (view: unknown) => views.push(CircleView.parse(view)));
  socket.on(CIRCLE_EVENTS.closed, (c: CircleClosed) => closed.push(c));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, views, closed, latest: () => views.reduce<CircleView | undefined>((a, v) => (!a || v.rev > a.rev ? v : a), undefined) };
}

const ask = async (m: Member, event: string, payload: unknown): Promise<unknown> => m.socket.timeout(3000).emitWithAck(event, payload);
const create = async (m: Member, extra: Record<string, unknown> = {}) =>
  CircleReply.parse(await ask(m, CIRCLE_EVENTS.create, { v: 1, projectId: PROJECT_ID, name: 'Ana', device: 'desktop', locationId: 'backlot', ...extra }));
const join = async (m: Member, code: string, extra: Record<string, unknown> = {}) =>
  CircleReply.parse(await ask(m, CIRCLE_EVENTS.join, { v: 1, code, name: 'Bo', device: 'tv', ...extra }));
const control = async (m: Member, circleId: string, action: unknown) => CircleActionReply.parse(await ask(m, CIRCLE_EVENTS.control, { circleId, action }));
const manage = async (m: Member, circleId: string, action: unknown) => CircleActionReply.parse(await ask(m, CIRCLE_EVENTS.manage, { circleId, action }));
function ok<T extends { ok: boolean }>(reply: T): Extract<T, { ok: true }> {
  if (!reply.ok) throw new Error(`refused: ${JSON.stringify(reply)}`);
  return reply as Extract<T, { ok: true }>;
}
const refusal = (reply: { ok: boolean }) => reply as CircleRefusal;

/** A circle with a host and one member, both seeing two members online. */
async function pair() {
  const host = await member();
  const guest = await member();
  const started = ok(await create(host));
  const joined = ok(await join(guest, started.circle.code));
  await waitFor(() => host.latest()?.members.filter((m) => m.online).length === 2, 3000, 'both online');
  return { host, guest, started, joined, circleId: started.circle.id };
}

describe('circles over real sockets', () => {
  it('starts a circle with a code of unambiguous characters and lets a friend join by it, typed any way', async () => {
    const host = await member();
    const guest = await member();
    const started = ok(await create(host, { mediaTime: 12, playing: true }));
    expect(started.circle.code).toMatch(new RegExp(`^[${CIRCLE_CODE_ALPHABET}]{8}$`));
    expect(started.circle.hostId).toBe(started.you);
    expect(started.circle.playback).toMatchObject({ locationId: 'backlot', playing: true, mediaTime: 12 });
    const typed = `${started.circle.code.slice(0, 4).toLowerCase()} - ${started.circle.code.slice(4)}`;
    const joined = ok(await join(guest, typed));
    expect(joined.circle.id).toBe(started.circle.id);
    expect(joined.you).not.toBe(started.you);
    // The late joiner gets the same anchor, so it lands at the circle's time.
    expect(joined.circle.playback.at).toBe(started.circle.playback.at);
    const seen = await waitFor(() => host.latest()?.members.length === 2 && host.latest(), 3000, 'the host to see the guest');
    expect(seen.members.map((m) => [m.name, m.device, m.online])).toEqual([['Ana', 'desktop', true], ['Bo', 'tv', true]]);
  });

  it('refuses unknown codes, malformed requests, another version, forged members and strangers, each with its reason', async () => {
    const { host, circleId, started } = await pair();
    const stranger = await member();
    expect(refusal(await join(stranger, 'ZZZZ-ZZZZ'))).toMatchObject({ reason: 'unknown-code', error: { code: 'not-found' } });
    expect(refusal(await join(stranger, 'ABCD-EFG0'))).toMatchObject({ reason: 'invalid', error: { code: 'invalid-request', message: expect.stringContaining('code') as unknown } });
    expect(refusal(CircleReply.parse(await ask(stranger, CIRCLE_EVENTS.join, { v: 99, code: started.circle.code, name: 'X', device: 'tv' })))).toMatchObject({ reason: 'invalid', error: { code: 'protocol-version' } });
    expect(refusal(await join(stranger, started.circle.code, { name: 'x'.repeat(41) }))).toMatchObject({ reason: 'invalid', error: { message: expect.stringContaining('name') as unknown } });
    // Someone else's member id without its key, or with a made-up key: refused, nothing stored.
    const forged = await join(stranger, started.circle.code, { memberId: started.you, memberKey: 'a'.repeat(32) });
    expect(refusal(forged)).toMatchObject({ reason: 'forged-member', error: { code: 'forbidden' } });
    expect(refusal(await join(stranger, started.circle.code, { memberId: started.you }))).toMatchObject({ reason: 'forged-member' });
    expect((await server.circleStorage.members(circleId)).length).toBe(2);
    // Acting on a circle this socket has not joined (a forged or guessed circle id).
    expect(refusal(await control(stranger, circleId, { kind: 'pause' }))).toMatchObject({ reason: 'not-member', error: { code: 'forbidden' } });
    expect(refusal(await control(host, 'c_forgedforged', { kind: 'pause' }))).toMatchObject({ reason: 'not-member' });
    expect(refusal(await control(host, circleId, { kind: 'seek', mediaTime: -3 }))).toMatchObject({ reason: 'invalid' });
    expect(refusal(await control(host, circleId, { kind: 'warp' }))).toMatchObject({ reason: 'invalid' });
  });

  it('refuses a full circle with the limit in the message', async () => {
    const { started } = await pair();
    ok(await join(await member(), started.circle.code));
    const late = await join(await member(), started.circle.code);
    expect(refusal(late)).toMatchObject({ reason: 'full', error: { code: 'forbidden', message: `this circle is full (${MAX_MEMBERS} members)` } });
  });

  it('never lets anyone past a tier: a backers-only project needs each member’s own backer code', async () => {
    const anonymous = await member();
    expect(refusal(await create(anonymous, { projectId: 'closed-set' }))).toMatchObject({ reason: 'no-access', error: { code: 'unauthorized' } });
    const host = await member('closed-1');
    const started = ok(await create(host, { projectId: 'closed-set' }));
    expect(refusal(await join(anonymous, started.circle.code))).toMatchObject({ reason: 'no-access', error: { code: 'unauthorized' } });
    expect(refusal(await join(await member('elsewhere'), started.circle.code))).toMatchObject({ reason: 'no-access', error: { code: 'not-found' } });
    ok(await join(await member('closed-2'), started.circle.code));
  });

  it('shares play, pause, seek and location: every change re-anchors on the server clock and reaches everyone', async () => {
    const { host, guest, circleId } = await pair();
    const before = Date.now();
    ok(await control(guest, circleId, { kind: 'seek', mediaTime: 30 }));
    ok(await control(guest, circleId, { kind: 'play' }));
    const playing = await waitFor(() => host.latest()?.playback.playing && host.latest(), 3000, 'playing');
    expect(playing.playback.mediaTime).toBeCloseTo(30, 0);
    expect(playing.playback.at).toBeGreaterThanOrEqual(before - 5);
    await new Promise((r) => setTimeout(r, 400));
    ok(await control(host, circleId, { kind: 'pause' }));
    const paused = await waitFor(() => guest.latest()?.playback.playing === false && guest.latest(), 3000, 'paused');
    // Paused where the circle's clock was: 30 s plus the ~0.4 s it played.
    expect(paused.playback.mediaTime).toBeGreaterThan(30.35);
    expect(paused.playback.mediaTime).toBeLessThan(31);
    expect(circleMediaTime(paused.playback, Date.now() + 5000, false)).toBe(paused.playback.mediaTime);
    ok(await control(guest, circleId, { kind: 'location', locationId: 'video-village' }));
    await waitFor(() => host.latest()?.playback.locationId === 'video-village' && host.latest()?.playback.mediaTime === 0, 3000, 'the new location');
  });

  it('holds the circle for a stalled member with the reason, then goes on without them', async () => {
    const { host, guest, circleId, joined } = await pair();
    ok(await control(host, circleId, { kind: 'play' }));
    guest.socket.emit(CIRCLE_EVENTS.buffering, { circleId, stalled: true });
    const held = await waitFor(() => host.latest()?.waiting && host.latest(), 3000, 'the wait');
    expect(held.waiting).toMatchObject({ memberId: joined.you, reason: 'buffering' });
    expect(held.waiting!.until - held.playback.at).toBe(WAIT_MS);
    // While held, the circle's time stands still.
    expect(circleMediaTime(held.playback, Date.now() + 1000, true)).toBe(held.playback.mediaTime);
    const released = await waitFor(() => host.latest()?.waiting === undefined && host.latest()!.rev > held.rev && host.latest(), 3000, 'the release');
    expect(released.playback.playing).toBe(true);
    expect(released.playback.mediaTime).toBeCloseTo(held.playback.mediaTime, 3);
    expect(released.playback.at - held.playback.at).toBeGreaterThanOrEqual(WAIT_MS - 20);
    // A second stall within the cooldown does not hold the circle again: they catch up on their own.
    const rev = host.latest()!.rev;
    guest.socket.emit(CIRCLE_EVENTS.buffering, { circleId, stalled: true });
    await new Promise((r) => setTimeout(r, 150));
    expect(host.latest()!.rev).toBe(rev);
  });

  it('lets only the host hand over, remove and end; a member acting as host is refused', async () => {
    const { host, guest, circleId, started, joined } = await pair();
    expect(refusal(await manage(guest, circleId, { kind: 'end' }))).toMatchObject({ reason: 'not-host', error: { code: 'forbidden' } });
    expect(refusal(await manage(host, circleId, { kind: 'hand-over', memberId: 'm_nobodynobody' }))).toMatchObject({ reason: 'not-member' });
    ok(await manage(host, circleId, { kind: 'control', control: 'host' }));
    await waitFor(() => guest.latest()?.control === 'host', 3000, 'the setting');
    expect(refusal(await control(guest, circleId, { kind: 'play' }))).toMatchObject({ reason: 'host-only' });
    ok(await manage(host, circleId, { kind: 'hand-over', memberId: joined.you }));
    await waitFor(() => host.latest()?.hostId === joined.you, 3000, 'the hand-over');
    expect(refusal(await manage(host, circleId, { kind: 'remove', memberId: joined.you }))).toMatchObject({ reason: 'not-host' });
    ok(await manage(guest, circleId, { kind: 'remove', memberId: started.you }));
    await waitFor(() => host.closed.some((c) => c.reason === 'removed'), 3000, 'the removal');
    // The removed member's key no longer brings them back.
    expect(refusal(await join(host, started.circle.code, { memberId: started.you, memberKey: started.memberKey }))).toMatchObject({ reason: 'not-member' });
    ok(await manage(guest, circleId, { kind: 'end' }));
    await waitFor(() => guest.closed.some((c) => c.reason === 'ended'), 3000, 'the end');
    expect(refusal(await join(await member(), started.circle.code))).toMatchObject({ reason: 'ended', error: { code: 'not-found' } });
  });

  it('passes hosting on when the host leaves', async () => {
    const { host, guest, circleId, joined } = await pair();
    ok(CircleActionReply.parse(await ask(host, CIRCLE_EVENTS.leave, { circleId })));
    await waitFor(() => guest.latest()?.hostId === joined.you && guest.latest()?.members.length === 1, 3000, 'the new host');
  });

  it('answers a flood with a reason instead of silence', async () => {
    const m = await member();
    const replies = await Promise.all(Array.from({ length: 16 }, (_, i) => ask(m, CIRCLE_EVENTS.clock, { t0: i })));
    const floods = replies.filter((r) => (r as { ok?: boolean }).ok === false) as CircleRefusal[];
    expect(floods.length).toBeGreaterThanOrEqual(3);
    expect(floods[0]).toMatchObject({ reason: 'flood', error: { code: 'rate-limited' } });
    expect((replies[0] as { t0: number; serverTime: number }).serverTime).toBeGreaterThan(0);
  });

  it('keeps the circle across a server restart: the member comes back as themself, host still, at the circle’s time', async () => {
    const { host, circleId, started } = await pair();
    ok(await control(host, circleId, { kind: 'play' }));
    const playing = await waitFor(() => host.latest()?.playback.playing && host.latest(), 3000, 'playing');
    await server.stop();
    await server.start();
    const back = await member();
    const rejoined = ok(await join(back, started.circle.code, { memberId: started.you, memberKey: started.memberKey }));
    expect(rejoined.you).toBe(started.you);
    expect(rejoined.circle.hostId).toBe(started.you);
    expect(rejoined.circle.playback).toMatchObject({ playing: true, at: playing.playback.at, mediaTime: playing.playback.mediaTime });
    expect(rejoined.circle.members.find((m) => m.id !== started.you)?.online).toBe(false);
  });
});

describe('circle expiry and join limits', () => {
  it('expires a circle nobody is in, and limits joins per address', async () => {
    const other = await startTestServer({ circleLimits: { idleExpiryMs: 200, expirySweepMs: 50, joinRateLimit: { perSecond: 0.001, burst: 3 } } });
    try {
      const host = await member(undefined, other.url);
      const started = ok(await create(host));
      host.socket.close();
      const late = await member(undefined, other.url);
      await waitFor(async () => (await other.circleStorage.getCircle(started.circle.id))?.status === 'expired', 3000, 'expiry');
      expect(refusal(await join(late, started.circle.code))).toMatchObject({ reason: 'expired', error: { code: 'not-found' } });
      // Two joins used of three: the next passes the limiter (and is refused as unknown), the one after is a flood.
      expect(refusal(await join(late, 'ZZZZ-ZZZZ'))).toMatchObject({ reason: 'unknown-code' });
      expect(refusal(await join(late, 'ZZZZ-ZZZZ'))).toMatchObject({ reason: 'flood', error: { code: 'rate-limited' } });
    } finally {
      await other.dispose();
    }
  });
});
