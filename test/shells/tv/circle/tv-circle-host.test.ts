// The TV page's circle host against the real server over real sockets: one client for the page however many screens
// bind it, every ask to go to a meet-up told to the screens, and the way back told once, as soon as the circle's view
// leaves the meet-up (here: the operator ends it), whether or not a follower on the stage is running.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircleClient } from '../../../../src/circles';
import { createTvCircleHost } from '../../../../src/shells/tv/circle/tv-circle-host';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../../../helpers/test-server';
import { waitFor } from '../../../helpers/wait';

let server: TestServer;
const owned: { dispose(): void }[] = [];
beforeAll(async () => {
  server = await startTestServer({ circleLimits: { joinRateLimit: { perSecond: 1000, burst: 1000 } } });
  await server.storage.ensureBackerToken('gold-one', { label: 'test', tier: 'gold', projects: [PROJECT_ID] });
  await server.storage.ensureBackerToken('gold-two', { label: 'test', tier: 'gold', projects: [PROJECT_ID] });
});
afterAll(async () => {
  for (const o of owned) o.dispose();
  await server.dispose();
});

const api = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const client = (token: string, name: string, device: 'desktop' | 'tv') => {
  const made = new CircleClient({ url: server.url, token: () => token, name: () => name, device, socketOptions: { transports: ['websocket'] } });
  owned.push(made);
  return made;
};

describe('the TV page’s circle host', () => {
  it('keeps one client, tells every move into a meet-up, and takes the TV back once when the meet-up ends', async () => {
    const id = 'tv-host-live';
    expect((await api(`/api/projects/${PROJECT_ID}/meetups`, { id, title: { en: id }, star: { en: 'Lin Yue' }, scheduledStart: new Date().toISOString(), requiredTier: 'gold' })).status).toBe(201);
    expect((await api(`/api/meetups/${id}/start`, {})).status).toBe(200);
    const host = client('gold-one', 'Ana', 'desktop');
    expect(await host.start({ projectId: PROJECT_ID, locationId: 'backlot', playing: true })).toEqual({ ok: true });

    const tvHost = createTvCircleHost();
    const tv = tvHost.obtain(() => client('gold-two', 'TV', 'tv'));
    expect(tvHost.obtain(() => client('gold-two', 'Other', 'tv')), 'one client for the page').toBe(tv);
    expect(tvHost.client()).toBe(tv);
    expect(await tv.join(host.current.view!.code)).toEqual({ ok: true });
    const moves: (string | undefined)[] = [];
    tvHost.subscribe((m) => moves.push(m));

    expect(await host.control({ kind: 'meetup', meetupId: id })).toEqual({ ok: true });
    await waitFor(() => tv.meetupEntry()?.kind === 'admitted', 5000);
    // What the follower does once the server let the TV in; asked again (after Back from the stage), told again.
    tvHost.moveToMeetup(id);
    tvHost.moveToMeetup(id);
    expect(tvHost.meetup()).toBe(id);
    expect(moves).toEqual([id, id]);

    // Nobody on the stage follows here: the host itself sees the circle leave and takes the TV back, once.
    expect((await api(`/api/meetups/${id}/end`, {})).status).toBe(200);
    await waitFor(() => tvHost.meetup() === undefined, 5000);
    tvHost.moveToMeetup(undefined);
    expect(moves).toEqual([id, id, undefined]);
    expect(tv.current.meetupLeft).toEqual({ circleId: host.current.view!.id, meetupId: id, reason: 'ended' });
    expect(tv.circleTime()).toMatchObject({ locationId: 'backlot', advancing: true });
    expect(tv.circleTime()!.live).toBeUndefined();
  });
});
