// The meet-up client and HTTP client against the real reference server (in-process, real sockets, SQLite):
// schedule and start over the API, a gold backer gets in as audience, a supporter is refused with the tier, a
// wrong operator token is refused, an audience socket cannot moderate, and a reaction storm is coalesced into
// few messages that the room's window totals exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeetupApi } from '../../src/meetup/meetup-api';
import { MeetupClient } from '../../src/meetup/meetup-client';
import { createAppStore, type AppStore } from '../../src/store/app-store';
import { recordingLogger } from '../helpers/feed-client';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

const MEETUP_ID = 'real-server-meetup';
let server: TestServer;
let api: MeetupApi;
const clients: MeetupClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  api = new MeetupApi(server.url);
  const scheduled = await api.schedule(
    PROJECT_ID,
    { id: MEETUP_ID, title: { en: 'Real meet-up' }, star: { en: 'Lin Yue' }, scheduledStart: new Date(Date.now() + 600_000).toISOString(), requiredTier: 'gold' },
    OPERATOR_TOKEN,
  );
  expect(scheduled.ok && scheduled.value.state).toBe('scheduled');
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.dispose();
  await server?.dispose();
});

function join(token: string | undefined, frames?: { schedule: (cb: () => void) => void }): { client: MeetupClient; store: AppStore } {
  const store = createAppStore();
  const client = new MeetupClient({
    url: server.url,
    store,
    token: () => token,
    logger: recordingLogger(),
    ...(frames ? { scheduleFrame: frames.schedule } : {}),
    socketOptions: { transports: ['websocket'] },
  });
  clients.push(client);
  client.join(MEETUP_ID);
  return { client, store };
}
const settled = (store: AppStore) => waitFor(() => ['joined', 'refused'].includes(store.getState().meetup.phase) && store.getState().meetup, 10_000, 'a join answer');

describe('meet-up client against the real server', () => {
  it('lists, reads and refuses a wrong operator token over HTTP', async () => {
    const list = await api.list(PROJECT_ID);
    expect(list.ok && list.value.map((m) => m.id)).toContain(MEETUP_ID);
    const one = await api.get(MEETUP_ID);
    expect(one.ok && one.value.streamUrl).toBeUndefined(); // the stream key is only for those let in
    const timeline = await api.reactionTimeline(MEETUP_ID, 'demo-supporter');
    expect(timeline).toMatchObject({ ok: false, failure: { status: 403 } }); // the same tier check as joining
    const wrong = await api.start(MEETUP_ID, 'not-the-operator');
    expect(wrong).toMatchObject({ ok: false, failure: { status: 403 } });
    const bad = await api.schedule(PROJECT_ID, { id: 'Bad Id', title: { en: 'x' }, star: { en: 'y' }, scheduledStart: 'tomorrow', requiredTier: 'gold' }, OPERATOR_TOKEN);
    expect(bad).toMatchObject({ ok: false, failure: { status: 400 } });
    expect(bad.ok ? '' : bad.failure.message).not.toBe('');
  });

  it('lets a gold backer in, refuses a supporter with the tier needed and an anonymous visitor with sign-in', async () => {
    const gold = join('demo-gold');
    const supporter = join('demo-supporter');
    const anonymous = join(undefined);
    expect(await settled(gold.store)).toMatchObject({ phase: 'joined', role: 'audience', meetup: { id: MEETUP_ID, state: 'scheduled' } });
    expect((await settled(supporter.store)).refusal).toMatchObject({ code: 'forbidden', requiredTier: 'gold', yourTier: 'supporter' });
    expect((await settled(anonymous.store)).refusal).toMatchObject({ code: 'unauthorized', requiredTier: 'gold' });
  });

  it('goes live for the room when the host starts it, with a stream URL for those inside', async () => {
    const gold = join('demo-gold');
    await settled(gold.store);
    const started = await api.start(MEETUP_ID, OPERATOR_TOKEN);
    expect(started.ok).toBe(true);
    // The stream path reaches the store once the client holds a stream pass for it.
    const meetup = await waitFor(() => {
      const current = gold.store.getState().meetup.meetup;
      return current?.state === 'live' && current.streamUrl ? current : undefined;
    }, 5_000, 'live');
    expect(meetup.streamUrl).toMatch(/^\/live\/.+\/master\.m3u8$/);
    // The pass is a cookie (the browser keeps it; here it is carried by hand): without it the stream is refused.
    expect((await fetch(`${server.url}${meetup.streamUrl}`)).status).toBe(401);
    const pass = await fetch(`${server.url}/api/meetups/${MEETUP_ID}/stream-pass`, { method: 'POST', headers: { authorization: 'Bearer demo-gold' } });
    const cookie = pass.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const playlist = await fetch(`${server.url}${meetup.streamUrl}`, { headers: { cookie } });
    expect(playlist.status).toBe(200);
  });

  it('refuses moderation from an audience socket and lets the host spotlight', async () => {
    const backer = join('demo-gold');
    const host = join(OPERATOR_TOKEN);
    await settled(backer.store);
    expect((await settled(host.store)).role).toBe('host');
    const asked = await backer.client.ask('How long did the night shoot take?');
    expect(asked.ok).toBe(true);
    const questionId = asked.ok ? asked.question!.id : '';
    const forged = await backer.client.moderate(questionId, 'spotlight');
    expect(forged).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const spotlit = await host.client.moderate(questionId, 'spotlight');
    expect(spotlit.ok).toBe(true);
    await waitFor(() => backer.store.getState().meetup.spotlight?.id === questionId, 5_000, 'the spotlight at the backer');
  });

  it('sends a storm of taps as few messages and the room totals them exactly', async () => {
    const queue: (() => void)[] = [];
    const frames = { schedule: (cb: () => void) => void queue.push(cb) };
    const backer = join('demo-gold', frames);
    const watcher = join('demo-gold');
    await settled(backer.store);
    await settled(watcher.store);
    const before = watcher.store.getState().meetup.totals.applause ?? 0;
    for (let i = 0; i < 30; i++) backer.client.react('applause');
    // Frames until the coalescer has sent all 30 (20 now, 10 after the send interval).
    await waitFor(() => {
      queue.splice(0).forEach((cb) => cb());
      return backer.client.reactions.stats.messages === 2;
    }, 5_000, 'two messages');
    await waitFor(() => (watcher.store.getState().meetup.totals.applause ?? 0) === before + 30, 5_000, 'the room total');
    expect(backer.client.reactions.stats).toMatchObject({ taps: 30, messages: 2, dropped: 0 });
    // The replay's timeline (for those let in) holds the same windows.
    const timeline = await api.reactionTimeline(MEETUP_ID, 'demo-gold');
    expect(timeline.ok && timeline.value.totals.applause).toBe(before + 30);
  });
});
