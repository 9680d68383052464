// The circle client and follower taken into a live meet-up, against the real server over real sockets: the gold
// members set off only once the server has said they may, and play the stream at the circle's latency behind live
// (a simulated live player whose frames are dated on the server's clock); the supporter stays on the tour with the
// reason; the host's way back takes everyone back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircleClient, CircleFollower } from '../../src/circles';
import { DEFAULT_CIRCLE_LIVE_LATENCY_S } from '../../src/protocol/circle';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';
import { SimPlayer } from './sim-player';

let server: TestServer;
const owned: { dispose(): void }[] = [];
beforeAll(async () => {
  server = await startTestServer({ circleLimits: { joinRateLimit: { perSecond: 1000, burst: 1000 } } });
  await server.storage.ensureBackerToken('follow-gold', { label: 'test', tier: 'gold', projects: [PROJECT_ID] });
  await server.storage.ensureBackerToken('follow-supporter', { label: 'test', tier: 'supporter', projects: [PROJECT_ID] });
});
afterAll(async () => {
  for (const o of owned.splice(0)) o.dispose();
  await server.dispose();
});

/** A live stream's player: the frame at media time t is dated `dateAtZero + t` on the server's (here: this) clock. */
class LivePlayer extends SimPlayer {
  constructor(private readonly dateAtZeroMs: number) {
    super({ duration: Infinity });
  }
  get playingDate(): Date {
    return new Date(this.dateAtZeroMs + this.currentTime * 1000);
  }
}

function member(name: string, token: string) {
  const client = new CircleClient({ url: server.url, token: () => token, name: () => name, device: 'desktop', socketOptions: { transports: ['websocket'] } });
  const moves: (string | undefined)[] = [];
  let here: string | undefined;
  let stage: LivePlayer | undefined;
  const follower = new CircleFollower({
    client,
    locationNow: () => (here ? undefined : 'backlot'),
    moveTo: () => undefined,
    meetupNow: () => here,
    moveToMeetup: (id) => {
      moves.push(id);
      here = id;
      // The stage opens 10 s behind live, as a player left to itself might (hls.js starts 3 segments back).
      stage = id ? new LivePlayer(Date.now() - 10_000 - 50_000) : undefined;
      if (stage) {
        stage.seek(50);
        void stage.play();
      }
      follower.setPlayer(stage ?? new SimPlayer());
    },
  });
  follower.setPlayer(new SimPlayer());
  owned.push(follower, client);
  return { client, follower, moves, latency: () => (stage ? (Date.now() - stage.playingDate.getTime()) / 1000 : undefined) };
}

describe('a circle following into a live meet-up', () => {
  it('takes the gold members to the circle’s latency behind live, keeps the supporter on the tour, and brings them back', async () => {
    const created = await fetch(`${server.url}/api/projects/${PROJECT_ID}/meetups`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'follow-live', title: { en: 'Live' }, star: { en: 'Lin Yue' }, scheduledStart: new Date().toISOString(), requiredTier: 'gold' }),
    });
    expect(created.status).toBe(201);
    expect((await fetch(`${server.url}/api/meetups/follow-live/start`, { method: 'POST', headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } })).status).toBe(200);

    const host = member('Ana', 'follow-gold');
    expect(await host.client.start({ projectId: PROJECT_ID, locationId: 'backlot', playing: true })).toEqual({ ok: true });
    const code = host.client.current.view!.code;
    const gold = member('Bo', 'follow-gold');
    const supporter = member('Cy', 'follow-supporter');
    expect(await gold.client.join(code)).toEqual({ ok: true });
    expect(await supporter.client.join(code)).toEqual({ ok: true });

    expect(await host.client.control({ kind: 'meetup', meetupId: 'follow-live' })).toEqual({ ok: true });
    await waitFor(() => host.moves.length > 0 && gold.moves.length > 0, 5000, 'the gold members set off');
    expect(host.moves).toEqual(['follow-live']);
    expect(gold.moves).toEqual(['follow-live']);
    // Within 4 s both are at the circle's latency (one seek from 10 s behind, then the rate).
    await waitFor(() => [host, gold].every((m) => Math.abs(m.latency()! - DEFAULT_CIRCLE_LIVE_LATENCY_S) < 0.1), 4000, 'both at the circle latency');
    const spread = Math.abs(host.latency()! - gold.latency()!);
    console.info(`live latency: host ${host.latency()!.toFixed(3)} s, member ${gold.latency()!.toFixed(3)} s, apart ${(spread * 1000).toFixed(0)} ms`);
    expect(spread).toBeLessThan(0.15);
    expect(gold.follower.readout.liveLatency).toBeGreaterThan(5.8);

    // The supporter never set off, and knows why.
    expect(supporter.moves).toEqual([]);
    const entry = supporter.client.meetupEntry();
    expect(entry).toMatchObject({ kind: 'refused', refusal: { requiredTier: 'gold', yourTier: 'supporter' } });

    expect(await host.client.control({ kind: 'location', locationId: 'backlot' })).toEqual({ ok: true });
    await waitFor(() => host.moves.length === 2 && gold.moves.length === 2, 5000, 'back to the tour');
    expect(gold.moves).toEqual(['follow-live', undefined]);
    expect(supporter.moves).toEqual([]);
  });
});
