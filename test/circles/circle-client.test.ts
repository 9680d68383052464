// The circle client and follower against the real server over real sockets: a member whose clock is seconds off
// still plays at the circle's time (the shared clock), follows play, pause, seek and location changes by the
// media session's commands, is waited for when stalled (the others see who and why), lands at the circle's time
// when joining late, and comes back as themself at the circle's time after the connection is cut.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CircleClient, CircleFollower } from '../../src/circles';
import type { CircleDevice } from '../../src/protocol/circle';
import { startTestServer, PROJECT_ID, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';
import { SimPlayer } from './sim-player';

let server: TestServer;
const owned: { dispose(): void }[] = [];
beforeAll(async () => {
  server = await startTestServer({ circleLimits: { waitForMemberMs: 2000, joinRateLimit: { perSecond: 1000, burst: 1000 } } });
});
afterEach(() => {
  for (const o of owned.splice(0)) o.dispose();
});
afterAll(async () => {
  await server.dispose();
});

/** A member: a client, a follower, and a simulated player that changes with the location (as the tour's does). */
function member(name: string, device: CircleDevice, clockOffsetMs = 0) {
  const client = new CircleClient({
    url: server.url,
    token: () => undefined,
    name: () => name,
    device,
    localNow: () => Date.now() + clockOffsetMs,
    socketOptions: { transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 200 },
  });
  let location: string | undefined = 'backlot';
  let player = new SimPlayer();
  const follower = new CircleFollower({
    client,
    locationNow: () => location,
    moveTo: (id) => {
      location = undefined;
      follower.setPlayer(undefined);
      // The tour player opens the location: a new session a little later.
      setTimeout(() => {
        location = id;
        player = new SimPlayer();
        follower.setPlayer(player);
      }, 80);
    },
  });
  follower.setPlayer(player);
  owned.push(follower, client);
  return { client, follower, player: () => player, location: () => location };
}

/** Samples |player − circle| every 50 ms for `ms` and returns the 95th percentile (seconds). */
async function p95Error(m: ReturnType<typeof member>, ms: number): Promise<number> {
  const errors: number[] = [];
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const circle = m.client.circleTime()!;
    errors.push(Math.abs(m.player().currentTime - circle.mediaTime));
    await new Promise((r) => setTimeout(r, 50));
  }
  errors.sort((a, b) => a - b);
  return errors[Math.floor(errors.length * 0.95)]!;
}

describe('circle client and follower', () => {
  it('follows play, seek, pause and location on the shared clock, even with a local clock 5 s off', async () => {
    const host = member('Ana', 'desktop');
    const guest = member('Bo', 'tv', 5_000);
    expect((await host.client.start({ projectId: PROJECT_ID, locationId: 'backlot' })).ok).toBe(true);
    expect((await guest.client.join(host.client.current.view!.code)).ok).toBe(true);
    await waitFor(() => guest.client.clock.best && guest.client.clock.best.rttMs < 50, 3000, 'a clock sample');
    // The guest's clock is 5 s ahead; the shared clock takes it out.
    expect(Math.abs(guest.client.clock.serverNow() - Date.now())).toBeLessThan(50);

    expect((await guest.client.control({ kind: 'seek', mediaTime: 40 })).ok).toBe(true);
    expect((await host.client.control({ kind: 'play' })).ok).toBe(true);
    await waitFor(() => !guest.player().paused && guest.player().currentTime > 40, 3000, 'the guest to play from 40 s');
    await new Promise((r) => setTimeout(r, 700));
    expect(await p95Error(guest, 1500)).toBeLessThan(0.1);
    expect(await p95Error(host, 500)).toBeLessThan(0.1);

    expect((await host.client.control({ kind: 'pause' })).ok).toBe(true);
    await waitFor(() => guest.player().paused, 3000, 'the guest to pause');
    await new Promise((r) => setTimeout(r, 300));
    expect(Math.abs(guest.player().currentTime - guest.client.circleTime()!.mediaTime)).toBeLessThan(0.05);

    expect((await host.client.control({ kind: 'location', locationId: 'video-village', mediaTime: 5 })).ok).toBe(true);
    await waitFor(() => guest.location() === 'video-village' && host.location() === 'video-village', 3000, 'both to move');
    expect((await guest.client.control({ kind: 'play' })).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 800));
    expect(await p95Error(guest, 1000)).toBeLessThan(0.1);
  });

  it('waits for a stalled member with who and why, and lands a late joiner at the circle’s time', async () => {
    const host = member('Ana', 'desktop');
    const guest = member('Bo', 'headset');
    await host.client.start({ projectId: PROJECT_ID, locationId: 'backlot', mediaTime: 100, playing: true });
    await guest.client.join(host.client.current.view!.code);
    await new Promise((r) => setTimeout(r, 600));
    guest.player().stall();
    const waiting = await waitFor(() => host.client.current.view?.waiting, 3000, 'the circle to wait');
    const stalledName = host.client.current.view!.members.find((m) => m.id === waiting.memberId)?.name;
    expect([stalledName, waiting.reason]).toEqual(['Bo', 'buffering']);
    // The host's player holds too.
    await waitFor(() => host.player().paused, 2000, 'the host to hold');
    guest.player().resume();
    await waitFor(() => host.client.current.view?.waiting === undefined && !host.player().paused, 3000, 'the circle to go on');

    const late = member('Cy', 'phone');
    await late.client.join(host.client.current.view!.code);
    await new Promise((r) => setTimeout(r, 900));
    expect(await p95Error(late, 1000)).toBeLessThan(0.1);
  });

  it('does not hold the circle for a hiccup shorter than the grace (a loop’s edge, a seek landing)', async () => {
    const host = member('Ana', 'desktop');
    const guest = member('Bo', 'tv');
    await host.client.start({ projectId: PROJECT_ID, locationId: 'backlot', mediaTime: 100, playing: true });
    await guest.client.join(host.client.current.view!.code);
    await new Promise((r) => setTimeout(r, 600));
    const grace = guest.client.config.stallGraceMs;
    let held = false;
    const off = host.client.subscribe(() => void (held ||= host.client.current.view?.waiting !== undefined));
    guest.player().stall();
    await new Promise((r) => setTimeout(r, grace * 0.4));
    guest.player().resume();
    // Past the grace and a round trip: the circle never waited, and the host never paused.
    await new Promise((r) => setTimeout(r, grace + 300));
    off();
    expect(held).toBe(false);
    expect(host.player().paused).toBe(false);
  });

  it('shows a cut member offline and brings them back as themself at the circle’s time', async () => {
    const host = member('Ana', 'desktop');
    const guest = member('Bo', 'tv');
    await host.client.start({ projectId: PROJECT_ID, locationId: 'backlot', mediaTime: 10, playing: true });
    await guest.client.join(host.client.current.view!.code);
    const you = guest.client.current.you;
    guest.client.disconnect();
    expect(guest.client.current.status).toBe('offline');
    await waitFor(() => host.client.current.view?.members.find((m) => m.id === you)?.online === false, 3000, 'the host to see them offline');
    await host.client.control({ kind: 'seek', mediaTime: 200 });
    guest.client.reconnect();
    await waitFor(() => guest.client.current.status === 'joined' && guest.client.current.view?.members.find((m) => m.id === you)?.online, 3000, 'the rejoin');
    expect(guest.client.current.you).toBe(you);
    await new Promise((r) => setTimeout(r, 900));
    expect(guest.client.circleTime()!.mediaTime).toBeGreaterThan(200);
    expect(await p95Error(guest, 1000)).toBeLessThan(0.1);
  });

  it('says why a join is refused, and why a circle closed', async () => {
    const stranger = member('Di', 'desktop');
    const outcome = await stranger.client.join('ZZZZ-ZZZZ');
    expect(outcome).toMatchObject({ ok: false, refusal: { reason: 'unknown-code' } });
    expect(stranger.client.current).toMatchObject({ status: 'refused', refusal: { reason: 'unknown-code' } });
    const host = member('Ana', 'desktop');
    await host.client.start({ projectId: PROJECT_ID, locationId: 'backlot' });
    await stranger.client.join(host.client.current.view!.code);
    expect(await host.client.manage({ kind: 'end' })).toEqual({ ok: true });
    await waitFor(() => stranger.client.current.status === 'closed', 3000, 'the end');
    expect(stranger.client.current.closedReason).toBe('ended');
  });
});
