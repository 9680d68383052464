// A circle watching a live meet-up together, on the real server over real sockets and a real SQLite file: the host
// takes the circle into a gold-only meet-up; every member's own entry is checked by the server (a supporter is
// refused with the reason and never sent the stream, a gold member is admitted, and the host cannot force anyone
// in); forged, foreign, not-live and malformed meet-up ids are refused and change nothing; and the way back, by the
// host or by the meet-up ending (the server takes the circle back to the tour and says why, also to a circle that
// was offline when it ended).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../src/protocol';
import {
  CIRCLE_EVENTS,
  CIRCLE_PROTOCOL_VERSION,
  CircleActionReply,
  CircleReply,
  CircleView,
  DEFAULT_CIRCLE_LIVE_LATENCY_S,
  MeetupEntryNotice,
  MeetupLeftNotice,
  type CircleRefusal,
} from '../../src/protocol/circle';
import { JoinReply, MEETUP_EVENTS } from '../../src/protocol/meetup';
import { SAMPLE_PROJECT } from '../../src/server/sample-project';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

let server: TestServer;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer({ circleLimits: { joinRateLimit: { perSecond: 1000, burst: 1000 } }, limits: { socketRateLimit: { perSecond: 1000, burst: 1000 } } });
  await server.storage.ensureProject({ ...SAMPLE_PROJECT, id: 'other-set', title: { en: 'Other set' } });
  for (const [token, tier] of [['gold-host', 'gold'], ['gold-member', 'gold'], ['supporter-member', 'supporter'], ['supporter-host', 'supporter']] as const) {
    await server.storage.ensureBackerToken(token, { label: 'test', tier, projects: [PROJECT_ID] });
  }
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server.dispose();
});

interface Member {
  socket: Socket;
  /** Every circle message this socket got, in order, as sent (to look for anything stream-like in them). */
  received: { event: string; payload: unknown }[];
  notices: MeetupEntryNotice[];
  latest(): CircleView | undefined;
}

async function member(token?: string): Promise<Member> {
  const socket = connect(server.url, { auth: { v: PROTOCOL_VERSION, ...(token ? { token } : {}) }, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  const m: Member = { socket, received: [], notices: [], latest: () => undefined };
  const views: CircleView[] = [];
  socket.onAny((event: string, payload: unknown) => m.received.push({ event, payload }));
  socket.on(CIRCLE_EVENTS.state, (view: unknown) => views.push(CircleView.parse(view)));
  socket.on(CIRCLE_EVENTS.meetupEntry, (notice: unknown) => m.notices.push(MeetupEntryNotice.parse(notice)));
  m.latest = () => views.reduce<CircleView | undefined>((a, v) => (!a || v.rev > a.rev ? v : a), undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return m;
}

const ask = async (m: Member, event: string, payload: unknown): Promise<unknown> => m.socket.timeout(3000).emitWithAck(event, payload);
const create = async (m: Member, name: string) =>
  ok(CircleReply.parse(await ask(m, CIRCLE_EVENTS.create, { v: CIRCLE_PROTOCOL_VERSION, projectId: PROJECT_ID, name, device: 'desktop', locationId: 'backlot', playing: true })));
const join = async (m: Member, code: string, name: string, v: number = CIRCLE_PROTOCOL_VERSION) => ok(CircleReply.parse(await ask(m, CIRCLE_EVENTS.join, { v, code, name, device: 'desktop' })));
const control = async (m: Member, circleId: string, action: unknown) => CircleActionReply.parse(await ask(m, CIRCLE_EVENTS.control, { circleId, action }));
const meetupJoin = async (m: Member, meetupId: string) => JoinReply.parse(await ask(m, MEETUP_EVENTS.join, { meetupId }));
function ok<T extends { ok: boolean }>(reply: T): Extract<T, { ok: true }> {
  if (!reply.ok) throw new Error(`refused: ${JSON.stringify(reply)}`);
  return reply as Extract<T, { ok: true }>;
}
const refusal = (reply: { ok: boolean }) => reply as CircleRefusal;

async function api(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

let meetups = 0;
async function meetup(options: { live?: boolean; projectId?: string; requiredTier?: string } = {}): Promise<string> {
  const id = `circle-meet-${++meetups}`;
  const created = await api('POST', `/api/projects/${options.projectId ?? PROJECT_ID}/meetups`, {
    id,
    title: { en: id },
    star: { en: 'Lin Yue' },
    scheduledStart: new Date().toISOString(),
    requiredTier: options.requiredTier ?? 'gold',
  });
  expect(created.status).toBe(201);
  if (options.live !== false) expect((await api('POST', `/api/meetups/${id}/start`)).status).toBe(200);
  return id;
}

/** A gold host with a gold member and a supporter member, all online. */
async function circleOfThree() {
  const host = await member('gold-host');
  const started = await create(host, 'Ana');
  const gold = await member('gold-member');
  const goldId = (await join(gold, started.circle.code, 'Bo')).you;
  const supporter = await member('supporter-member');
  const supporterId = (await join(supporter, started.circle.code, 'Cy')).you;
  await waitFor(() => host.latest()?.members.filter((m) => m.online).length === 3, 3000);
  return { host, gold, supporter, goldId, supporterId, circleId: started.circle.id, code: started.circle.code };
}

describe('a circle in a gold-only live meet-up', () => {
  it('lets the gold members in, refuses the supporter with who and why, and never sends the stream to them', async () => {
    const id = await meetup({ requiredTier: 'gold' });
    const { host, gold, supporter, supporterId, circleId } = await circleOfThree();
    const revBefore = host.latest()!.rev;

    ok(await control(host, circleId, { kind: 'meetup', meetupId: id }));
    for (const m of [host, gold, supporter]) await waitFor(() => m.latest()?.playback.live?.meetupId === id, 3000);
    const view = host.latest()!;
    expect(view.rev).toBeGreaterThan(revBefore);
    expect(view.playback.live).toEqual({ meetupId: id, latencyS: DEFAULT_CIRCLE_LIVE_LATENCY_S });

    // Everyone is told, before the view that takes them there, who stays behind and why.
    for (const m of [host, gold, supporter]) {
      const noticeAt = m.received.findIndex((r) => r.event === CIRCLE_EVENTS.meetupEntry);
      const liveViewAt = m.received.findIndex((r) => r.event === CIRCLE_EVENTS.state && (r.payload as CircleView).playback.live?.meetupId === id);
      expect(noticeAt, 'the entry notice comes first').toBeGreaterThanOrEqual(0);
      expect(noticeAt).toBeLessThan(liveViewAt);
      expect(m.notices.at(-1)).toMatchObject({
        circleId,
        meetupId: id,
        refused: [{ memberId: supporterId, name: 'Cy', error: { code: 'forbidden', message: expect.stringContaining('gold') as unknown }, requiredTier: 'gold', yourTier: 'supporter' }],
      });
    }

    // The stream is in no circle message, to anyone: each member opens it with their own entry.
    for (const m of [host, gold, supporter]) expect(JSON.stringify(m.received)).not.toMatch(/\/live\/|streamUrl|streamKey/);
    // The gold member's own entry opens it; the supporter's does not, circle or no circle: the host cannot force it.
    expect(await meetupJoin(gold, id)).toMatchObject({ ok: true, meetup: { id, streamUrl: expect.stringMatching(/^\/live\//) as unknown } });
    expect(await meetupJoin(supporter, id)).toMatchObject({ ok: false, error: { code: 'forbidden' }, requiredTier: 'gold', yourTier: 'supporter' });
    // Nor can anyone but the host take the circle into a meet-up (the circle lets anyone control playback).
    expect(refusal(await control(gold, circleId, { kind: 'meetup', meetupId: id }))).toMatchObject({ ok: false, reason: 'not-host' });

    // A supporter who joins late is checked as they come in, and the room hears it; nothing about it is stored.
    const late = await member('supporter-member');
    const lateId = (await join(late, (await server.circleStorage.getCircle(circleId))!.code, 'Dee')).you;
    await waitFor(() => host.notices.at(-1)?.refused.some((r) => r.memberId === lateId) === true, 3000);
    expect(late.notices.at(-1)?.refused.map((r) => r.memberId).sort()).toEqual([supporterId, lateId].sort());
    const stored = (await server.circleStorage.getCircle(circleId))!;
    expect(JSON.stringify(stored)).not.toMatch(/supporter|forbidden|refused/);
    expect(stored.playback.live).toEqual({ meetupId: id, latencyS: DEFAULT_CIRCLE_LIVE_LATENCY_S });

    // A live meet-up plays live; the way back is a location of the tour.
    expect(refusal(await control(host, circleId, { kind: 'pause' }))).toMatchObject({ ok: false, reason: 'invalid' });
    ok(await control(host, circleId, { kind: 'location', locationId: 'backlot' }));
    await waitFor(() => gold.latest()?.playback.live === undefined && gold.latest()!.rev > view.rev, 3000);
    expect((await server.circleStorage.getCircle(circleId))!.playback.live).toBeUndefined();
  });

  it('refuses an older app (circle messages v1) with the reason to update, and a host whose own code does not open it', async () => {
    const id = await meetup({ requiredTier: 'gold' });
    const host = await member('gold-host');
    const started = await create(host, 'Ana');
    const old = await member('gold-member');
    const oldId = (await join(old, started.circle.code, 'Old', 1)).you;
    ok(await control(host, started.circle.id, { kind: 'meetup', meetupId: id }));
    await waitFor(() => host.notices.length > 0, 3000);
    expect(host.notices.at(-1)!.refused).toEqual([{ memberId: oldId, name: 'Old', error: { code: 'protocol-version', message: expect.stringContaining('update') as unknown } }]);

    // A supporter hosting: the circle cannot go where the host's own code does not open the door. Nothing changes.
    const weakHost = await member('supporter-host');
    const weak = await create(weakHost, 'Eve');
    const before = (await server.circleStorage.getCircle(weak.circle.id))!;
    const refused = refusal(await control(weakHost, weak.circle.id, { kind: 'meetup', meetupId: id }));
    expect(refused).toMatchObject({ ok: false, reason: 'meetup-refused', error: { code: 'forbidden', message: expect.stringContaining('gold') as unknown } });
    expect(await server.circleStorage.getCircle(weak.circle.id)).toEqual(before);
    expect(weakHost.notices).toEqual([]);
  });
});

describe('meet-up ids that are not for this circle', () => {
  it('refuses malformed, unknown, foreign, scheduled and ended meet-ups with their reasons, and stores nothing', async () => {
    const { host, gold, circleId } = await circleOfThree();
    const scheduled = await meetup({ live: false });
    const foreign = await meetup({ projectId: 'other-set', requiredTier: 'supporter' });
    const ended = await meetup();
    expect((await api('POST', `/api/meetups/${ended}/end`)).status).toBe(200);
    const before = (await server.circleStorage.getCircle(circleId))!;

    const cases: [unknown, string][] = [
      [{ kind: 'meetup', meetupId: 'NOT A MEETUP!' }, 'invalid'],
      [{ kind: 'meetup', meetupId: 'x'.repeat(65) }, 'invalid'],
      [{ kind: 'meetup' }, 'invalid'],
      [{ kind: 'meetup', meetupId: 'no-such-meetup' }, 'unknown-meetup'],
      [{ kind: 'meetup', meetupId: foreign }, 'unknown-meetup'],
      [{ kind: 'meetup', meetupId: scheduled }, 'not-live'],
      [{ kind: 'meetup', meetupId: ended }, 'not-live'],
    ];
    for (const [action, reason] of cases) {
      const reply = refusal(await control(host, circleId, action));
      expect(reply, JSON.stringify(action)).toMatchObject({ ok: false, reason });
      expect(reply.error.message.length).toBeGreaterThan(5);
    }
    expect(await server.circleStorage.getCircle(circleId)).toEqual(before);
    expect([...host.notices, ...gold.notices]).toEqual([]);
    // A forged circle id is refused as ever.
    expect(refusal(await control(host, 'c_forgedforged', { kind: 'meetup', meetupId: ended }))).toMatchObject({ ok: false, reason: 'not-member' });
  });
});

describe('a meet-up that ends while a circle watches it', () => {
  it('takes the circle back to where and when it left the tour, says why first, and leaves other circles alone', async () => {
    const id = await meetup({ requiredTier: 'gold' });
    const other = await meetup({ requiredTier: 'gold' });
    const { host, gold, supporter, circleId } = await circleOfThree();
    ok(await control(host, circleId, { kind: 'seek', mediaTime: 12.5 }));
    await waitFor(() => host.latest()?.playback.mediaTime === 12.5, 3000);
    ok(await control(host, circleId, { kind: 'meetup', meetupId: id }));
    await waitFor(() => gold.latest()?.playback.live?.meetupId === id, 3000);
    const entered = (await server.circleStorage.getCircle(circleId))!;
    // A second circle watches the other meet-up, which goes on.
    const elsewhere = await member('gold-member');
    const second = await create(elsewhere, 'Fay');
    ok(await control(elsewhere, second.circle.id, { kind: 'meetup', meetupId: other }));
    await waitFor(() => elsewhere.latest()?.playback.live?.meetupId === other, 3000);
    const secondBefore = (await server.circleStorage.getCircle(second.circle.id))!;

    const endedAt = Date.now();
    expect((await api('POST', `/api/meetups/${id}/end`)).status).toBe(200);
    for (const m of [host, gold, supporter]) {
      await waitFor(() => m.latest()?.playback.live === undefined, 3000);
      const back = m.latest()!.playback;
      // Where the circle left the tour, at the tour's time then (the meet-up's length is not added), still playing.
      expect(back).toMatchObject({ locationId: 'backlot', playing: true });
      expect(back.mediaTime).toBeCloseTo(entered.playback.mediaTime, 6);
      expect(back.mediaTime).toBeGreaterThanOrEqual(12.5);
      expect(back.mediaTime).toBeLessThan(14);
      expect(back.at).toBeGreaterThanOrEqual(endedAt - 1000);
      // Why, before the view that takes them back, to everyone (the supporter who stayed behind too).
      const leftAt = m.received.findIndex((r) => r.event === CIRCLE_EVENTS.meetupLeft);
      const backAt = m.received.findIndex((r) => r.event === CIRCLE_EVENTS.state && (r.payload as CircleView).rev > entered.rev && !(r.payload as CircleView).playback.live);
      expect(leftAt, 'the notice comes first').toBeGreaterThanOrEqual(0);
      expect(leftAt).toBeLessThan(backAt);
      expect(MeetupLeftNotice.parse(m.received[leftAt]!.payload)).toEqual({ circleId, meetupId: id, reason: 'ended' });
    }
    expect((await server.circleStorage.getCircle(circleId))!.playback.live).toBeUndefined();
    // The other circle's meet-up is live: it stays, told nothing.
    expect(await server.circleStorage.getCircle(second.circle.id)).toEqual(secondBefore);
    expect(elsewhere.received.some((r) => r.event === CIRCLE_EVENTS.meetupLeft)).toBe(false);
    // Back on the tour, the circle plays and pauses again.
    ok(await control(host, circleId, { kind: 'pause' }));
  });

  it('takes a circle that was offline when its meet-up ended back to the tour as its first member returns', async () => {
    const id = await meetup({ requiredTier: 'gold' });
    const host = await member('gold-host');
    const started = await create(host, 'Ana');
    ok(await control(host, started.circle.id, { kind: 'meetup', meetupId: id }));
    await waitFor(() => host.latest()?.playback.live?.meetupId === id, 3000);
    host.socket.close();
    await waitFor(async () => (await server.circleStorage.getCircle(started.circle.id))!.rev > host.latest()!.rev, 3000);
    expect((await api('POST', `/api/meetups/${id}/end`)).status).toBe(200);
    // Nobody online: nothing could be told, so nothing has moved yet.
    expect((await server.circleStorage.getCircle(started.circle.id))!.playback.live).toEqual({ meetupId: id, latencyS: DEFAULT_CIRCLE_LIVE_LATENCY_S });

    const back = await member('gold-host');
    const reply = ok(CircleReply.parse(await ask(back, CIRCLE_EVENTS.join, { v: CIRCLE_PROTOCOL_VERSION, code: started.circle.code, name: 'Ana', device: 'desktop', memberId: started.you, memberKey: started.memberKey })));
    expect(reply.circle.playback.live).toBeUndefined();
    expect(reply.circle.playback.locationId).toBe('backlot');
    await waitFor(() => back.received.some((r) => r.event === CIRCLE_EVENTS.meetupLeft), 3000);
    expect(back.notices, 'no entry check for a meet-up that is over').toEqual([]);
    expect((await server.circleStorage.getCircle(started.circle.id))!.playback.live).toBeUndefined();
  });
});
