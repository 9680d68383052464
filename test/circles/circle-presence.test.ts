// Presence against the real server over real sockets: each member sees where the others look (at the same
// location), "look here" reaches the others and not the one who pointed, and the server refuses bad directions,
// forged circle ids, a socket outside the circle and floods, each with its reason.
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CircleClient, CirclePresence } from '../../src/circles';
import { PROTOCOL_VERSION } from '../../src/protocol';
import { CIRCLE_EVENTS, CIRCLE_PRESENCE_EVENTS } from '../../src/protocol/circle';
import { startTestServer, PROJECT_ID, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

let server: TestServer;
const owned: { dispose(): void }[] = [];
const sockets: Socket[] = [];
beforeAll(async () => {
  server = await startTestServer({ circleLimits: { joinRateLimit: { perSecond: 1000, burst: 1000 } } });
});
afterEach(() => {
  for (const o of owned.splice(0)) o.dispose();
  for (const s of sockets.splice(0)) s.close();
});
afterAll(async () => {
  await server.dispose();
});

function member(name: string) {
  const client = new CircleClient({ url: server.url, token: () => undefined, name: () => name, device: 'desktop', socketOptions: { transports: ['websocket'] } });
  const direction = { yaw: 0, pitch: 0 };
  const presence = new CirclePresence({ client, direction: () => direction, locationNow: () => 'backlot', sendEveryMs: 50 });
  owned.push(presence, client);
  return { client, presence, direction };
}

async function circleOfTwo() {
  const ana = member('Ana');
  expect(await ana.client.start({ projectId: PROJECT_ID, locationId: 'backlot' })).toEqual({ ok: true });
  const bo = member('Bo');
  expect(await bo.client.join(ana.client.current.view!.code)).toEqual({ ok: true });
  return { ana, bo };
}

/** A raw socket, for what a well-behaved client never sends. */
async function rawSocket(): Promise<Socket> {
  const socket = io(server.url, { transports: ['websocket'], auth: { v: PROTOCOL_VERSION } });
  sockets.push(socket);
  await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
  return socket;
}

describe('circle presence', () => {
  it('shows each member where the others look, and "look here" offers the others a turn', async () => {
    const { ana, bo } = await circleOfTwo();
    ana.direction.yaw = 120;
    ana.direction.pitch = -15;
    // Her look before the turn may arrive first: the one that counts is where she looks now.
    await waitFor(() => bo.presence.current.looks.length === 1 && bo.presence.current.looks[0]!.yaw === 120, 3_000);
    expect(bo.presence.current.looks[0]).toMatchObject({ name: 'Ana', yaw: 120, pitch: -15, memberId: ana.client.current.you });
    // Bo sees Ana, Ana sees Bo (at 0, 0): nobody sees themself.
    await waitFor(() => ana.presence.current.looks.length === 1, 3_000);
    expect(ana.presence.current.looks[0]).toMatchObject({ name: 'Bo', yaw: 0, pitch: 0 });

    expect(await ana.presence.point()).toEqual({ ok: true });
    await waitFor(() => bo.presence.current.cue !== undefined, 3_000);
    expect(bo.presence.current.cue).toMatchObject({ name: 'Ana', yaw: 120, pitch: -15 });
    expect(ana.presence.current.cue).toBeUndefined();
    bo.presence.dismissCue();
    expect(bo.presence.current.cue).toBeUndefined();

    // Ana leaves: her marker goes.
    await ana.client.leave();
    await waitFor(() => bo.presence.current.looks.length === 0, 3_000);
  });

  it('refuses bad directions, forged circle ids, outsiders and floods, each with its reason', async () => {
    const { ana } = await circleOfTwo();
    const circleId = ana.client.current.view!.id;
    // Out of range, and an unknown field.
    expect(await ana.client.request(CIRCLE_PRESENCE_EVENTS.point, { locationId: 'backlot', yaw: 400, pitch: 0 })).toMatchObject({ ok: false, refusal: { reason: 'invalid' } });
    expect(await ana.client.request(CIRCLE_PRESENCE_EVENTS.point, { locationId: 'backlot', yaw: 0, pitch: 0, turn: true })).toMatchObject({ ok: false, refusal: { reason: 'invalid' } });

    // A socket that never joined: refused, and the circle hears nothing.
    const outsider = await rawSocket();
    let heard = 0;
    ana.client.listen(CIRCLE_PRESENCE_EVENTS.pointed, () => heard++);
    const reply: unknown = await outsider.timeout(3_000).emitWithAck(CIRCLE_PRESENCE_EVENTS.point, { circleId, locationId: 'backlot', yaw: 1, pitch: 1 });
    expect(reply).toMatchObject({ ok: false, reason: 'not-member' });
    const lookError = new Promise((resolve) => outsider.once(CIRCLE_EVENTS.error, resolve));
    outsider.emit(CIRCLE_PRESENCE_EVENTS.look, { circleId, locationId: 'backlot', yaw: 1, pitch: 1 });
    expect(await lookError).toMatchObject({ event: CIRCLE_PRESENCE_EVENTS.look, reason: 'not-member' });
    // A member naming another circle: forged, refused.
    const forged = await ana.client.request(CIRCLE_PRESENCE_EVENTS.point, { circleId: 'c_forgedforged', locationId: 'backlot', yaw: 1, pitch: 1 });
    expect(forged).toMatchObject({ ok: false, refusal: { reason: 'not-member' } });

    // "Look here" again and again: three go out, then the flood is refused with its reason.
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await ana.presence.point());
    expect(outcomes.filter((o) => o.ok).length).toBeLessThanOrEqual(3);
    expect(outcomes.at(-1)).toMatchObject({ ok: false, refusal: { reason: 'flood' } });
    // The outsider's and the forged "look here" reached nobody (Ana's own never come back to her).
    expect(heard).toBe(0);
  });
});
