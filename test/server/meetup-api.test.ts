// The meet-up HTTP API on the real server: schedule, list, read, start, end (and only in that order), the errors
// of bad requests with nothing stored, who sees the stream path, and a restart that loses nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meetup } from '../../src/protocol/meetup';
import { SAMPLE_MEETUP_ID } from '../../src/server/sample-project';
import { SAMPLE_PROJECT } from '../../src/server/sample-project';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';

/** Asymmetric matchers typed as `unknown`, so they sit in typed objects without an `any`. */
const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);
const containing = (text: string): unknown => expect.stringContaining(text);

const PRIVATE_PROJECT = 'closed-set';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await server.storage.ensureProject({ ...SAMPLE_PROJECT, id: PRIVATE_PROJECT, visibility: 'backers', title: { en: 'Closed set' } });
  await server.storage.ensureBackerToken('gold-lantern', { label: 'test', tier: 'gold', projects: [PROJECT_ID] });
});
afterAll(() => server.dispose());

const input = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: { en: `Meet-up ${id}`, 'zh-CN': `见面会 ${id}` },
  star: { en: 'Lin Yue' },
  scheduledStart: '2026-12-01T12:00:00+08:00',
  requiredTier: 'gold',
  ...extra,
});

async function call(method: string, path: string, options: { body?: unknown; token?: string | null; headers?: Record<string, string> } = {}) {
  const token = options.token === undefined ? OPERATOR_TOKEN : options.token;
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}
const schedule = (body: unknown, token?: string | null, projectId = PROJECT_ID) => call('POST', `/api/projects/${projectId}/meetups`, { body, token });

describe('meet-up lifecycle over HTTP', () => {
  it('schedules, starts and ends a meet-up, refusing every wrong transition with 409', async () => {
    const created = await schedule(input('first-meet'));
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/meetups/first-meet');
    const meetup = Meetup.parse(created.body);
    expect(meetup).toMatchObject({ id: 'first-meet', projectId: PROJECT_ID, state: 'scheduled', requiredTier: 'gold' });
    expect(meetup.streamUrl).toBeUndefined();

    expect((await call('POST', '/api/meetups/first-meet/end')).status).toBe(409);
    const started = await call('POST', '/api/meetups/first-meet/start');
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ state: 'live', streamUrl: matching(/^\/live\/[A-Za-z0-9_-]{22}\/master\.m3u8$/) });
    expect(Date.parse(String(started.body!.startedAt))).toBeGreaterThan(Date.now() - 10_000);

    const again = await call('POST', '/api/meetups/first-meet/start');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'wrong-state', message: containing('live') } });

    const ended = await call('POST', '/api/meetups/first-meet/end');
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ state: 'ended', streamUrl: matching(/^\/replay\/[A-Za-z0-9_-]{22}\/master\.m3u8$/) });
    expect((await call('POST', '/api/meetups/first-meet/start')).status).toBe(409);
    expect((await call('POST', '/api/meetups/first-meet/end')).status).toBe(409);
  });

  it('answers a retried start with the same Idempotency-Key with the meet-up, not a 409', async () => {
    await schedule(input('retried-start'));
    const headers = { 'idempotency-key': 'start-retried-1' };
    const first = await call('POST', '/api/meetups/retried-start/start', { headers });
    const retry = await call('POST', '/api/meetups/retried-start/start', { headers });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    // The same key for a different request is a client bug, said so.
    expect((await call('POST', '/api/meetups/retried-start/end', { headers })).status).toBe(422);
  });

  it('treats the same schedule again as a retry, and a different one under a taken id as a conflict', async () => {
    expect((await schedule(input('twice'))).status).toBe(201);
    const retry = await schedule(input('twice'));
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const clash = await schedule(input('twice', { requiredTier: 'supporter' }));
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ error: { code: 'meetup-exists' } });
    expect((await call('GET', '/api/meetups/twice')).body).toMatchObject({ requiredTier: 'gold' });
  });

  it('lists a project\'s meet-ups soonest first, with the demo meet-up seeded', async () => {
    await schedule(input('later-one', { scheduledStart: '2027-01-01T00:00:00Z' }));
    await schedule(input('earlier-one', { scheduledStart: '2026-06-01T00:00:00Z' }));
    const list = await call('GET', `/api/projects/${PROJECT_ID}/meetups`, { token: null });
    expect(list.status).toBe(200);
    const ids = (list.body!.meetups as Meetup[]).map((m) => m.id);
    expect(ids.indexOf('earlier-one')).toBeLessThan(ids.indexOf('later-one'));
    expect(ids).toContain(SAMPLE_MEETUP_ID);
  });
});

describe('meet-up API errors', () => {
  it('refuses a bad meet-up with 400 and the path of every offending field, storing nothing', async () => {
    const bad = await schedule({ id: 'Bad Id!', title: { fr: 'x' }, star: {}, scheduledStart: 'tomorrow', requiredTier: 'diamond', extra: 1 });
    expect(bad.status).toBe(400);
    const paths = (bad.body!.error as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'title.fr', 'scheduledStart', 'requiredTier', 'extra']));
    expect((await call('GET', '/api/meetups/bad-id')).status).toBe(404);
  });

  it.each([
    ['no token', null, 401],
    ['a backer token', 'gold-lantern', 403],
    ['an unknown token', 'not-a-token', 403],
  ])('refuses scheduling with %s (%i)', async (_name, token, status) => {
    const response = await schedule(input('not-allowed'), token);
    expect(response.status).toBe(status);
    expect((await call('GET', '/api/meetups/not-allowed')).status).toBe(404);
  });

  it('refuses a start or end by anyone but the operator', async () => {
    await schedule(input('guarded'));
    expect((await call('POST', '/api/meetups/guarded/start', { token: null })).status).toBe(401);
    expect((await call('POST', '/api/meetups/guarded/start', { token: 'gold-lantern' })).status).toBe(403);
    expect((await call('GET', '/api/meetups/guarded')).body).toMatchObject({ state: 'scheduled' });
  });

  it('answers 404 for unknown projects and meet-ups, 405 for a wrong method, 400 for a malformed id', async () => {
    expect((await schedule(input('orphan'), undefined, 'no-such-project')).status).toBe(404);
    expect((await call('POST', '/api/meetups/never-scheduled/start')).status).toBe(404);
    const wrongMethod = await call('DELETE', '/api/meetups/guarded');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
    const badId = await call('GET', '/api/meetups/NOT%20OK');
    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({ error: { code: 'invalid-meetup-id', issues: [{ path: 'meetupId' }] } });
  });

  it('answers 413 for an oversize body and 400 for broken JSON', async () => {
    expect((await schedule(JSON.stringify(input('huge', { title: { en: 'x'.repeat(20_000) } })))).status).toBe(413);
    expect((await schedule('{"id":')).status).toBe(400);
    expect((await call('GET', '/api/meetups/huge')).status).toBe(404);
  });
});

describe('who sees what', () => {
  it('hides a backers-only project\'s meet-ups from callers without access, and the stream path from all but the operator', async () => {
    const privateMeetup = await schedule(input('closed-meet'), undefined, PRIVATE_PROJECT);
    expect(privateMeetup.status).toBe(201);
    await call('POST', '/api/meetups/closed-meet/start');
    expect((await call('GET', '/api/meetups/closed-meet', { token: null })).status).toBe(404);
    expect((await call('GET', '/api/meetups/closed-meet', { token: 'gold-lantern' })).status).toBe(404);
    expect((await call('GET', `/api/projects/${PRIVATE_PROJECT}/meetups`, { token: null })).status).toBe(404);

    await schedule(input('open-meet'));
    await call('POST', '/api/meetups/open-meet/start');
    const asBacker = await call('GET', '/api/meetups/open-meet', { token: 'gold-lantern' });
    expect(asBacker.body).toMatchObject({ state: 'live' });
    expect(asBacker.body!.streamUrl).toBeUndefined();
    expect(JSON.stringify(asBacker.body)).not.toContain('streamKey');
    expect((await call('GET', '/api/meetups/open-meet')).body!.streamUrl).toMatch(/^\/live\//);
  });

  it('gives the reactions timeline only to callers who may enter', async () => {
    await server.storage.ensureBackerToken('supporter-lantern', { label: 'test', tier: 'supporter', projects: [PROJECT_ID] });
    expect((await call('GET', '/api/meetups/open-meet/reactions', { token: null })).status).toBe(401);
    const low = await call('GET', '/api/meetups/open-meet/reactions', { token: 'supporter-lantern' });
    expect(low.status).toBe(403);
    expect(low.body).toMatchObject({ error: { message: containing('gold') } });
    const ok = await call('GET', '/api/meetups/open-meet/reactions', { token: 'gold-lantern' });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ meetupId: 'open-meet', windows: [], totals: {} });
  });
});

describe('operator rate limit', () => {
  it('answers 429 with Retry-After once the operator posts too fast, storing nothing refused', async () => {
    // A server of its own: the flood must not eat the budget of the other tests.
    const own = await startTestServer({ limits: { postRateLimit: { perSecond: 1, burst: 5 } } });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 8; i++) {
        const response = await fetch(`${own.url}/api/projects/${PROJECT_ID}/meetups`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${OPERATOR_TOKEN}` },
          body: JSON.stringify(input(`flood-${i}`)),
        });
        statuses.push(response.status);
        if (response.status === 429) retryAfter = response.headers.get('retry-after');
      }
      expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
      expect(statuses.at(-1)).toBe(429);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      const stored = (await own.meetupStorage.listMeetups(PROJECT_ID)).filter((m) => m.id.startsWith('flood-'));
      expect(stored.length).toBe(statuses.filter((s) => s === 201).length);
    } finally {
      await own.dispose();
    }
  });
});

describe('after a restart', () => {
  it('keeps every meet-up in its state, with the same stream path', async () => {
    await schedule(input('survivor'));
    const live = await call('POST', '/api/meetups/survivor/start');
    await server.stop();
    await server.start();
    // fetch may try a pooled connection the stop closed; a second attempt opens a new one.
    const after = await call('GET', '/api/meetups/survivor').catch(() => call('GET', '/api/meetups/survivor'));
    expect(after.body).toEqual(live.body);
    expect((await call('POST', '/api/meetups/survivor/end')).status).toBe(200);
  });
});
