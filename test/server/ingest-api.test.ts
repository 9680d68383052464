// The ingest API over real HTTP: what it stores, and how it refuses bad requests without storing anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectSnapshot } from '../../src/protocol';
import { SAMPLE_PROJECT } from '../../src/server/sample-project';
import { OPERATOR_TOKEN, PROJECT_ID, postMilestone, startTestServer, validMilestone, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ limits: { postRateLimit: { perSecond: 1, burst: 40 } } });
});
afterAll(() => server.dispose());

async function snapshot(): Promise<ProjectSnapshot> {
  const res = await fetch(`${server.url}/api/projects/${PROJECT_ID}`);
  expect(res.status).toBe(200);
  return ProjectSnapshot.parse(await res.json());
}

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string; issues?: { path: string; message: string }[] } }).error;
}

describe('ingest API', () => {
  it('stores a milestone, answers 201 with its sequence number, and the snapshot shows it', async () => {
    const before = await snapshot();
    const res = await postMilestone(server.url, validMilestone(45));
    expect(res.status).toBe(201);
    const stored = (await res.json()) as { seq: number; title: { en: string }; receivedAt: string };
    expect(stored.seq).toBe(before.seq + 1);
    expect(stored.title.en).toBe('Scene 45 wrapped');
    const after = await snapshot();
    expect(after.seq).toBe(stored.seq);
    expect(after.milestones.at(-1)?.seq).toBe(stored.seq);
  });

  it.each([
    ['an unknown kind', { kind: 'party', title: { en: 'x' } }, 'kind'],
    ['a missing title', { kind: 'funding' }, 'title'],
    ['a title in no language', { kind: 'funding', title: {} }, 'title'],
    ['a wrong type', { kind: 'funding', title: { en: 42 } }, 'title.en'],
    ['an unknown field', { kind: 'funding', title: { en: 'x' }, sneaky: true }, 'sneaky'],
    ['a bad date', { kind: 'funding', title: { en: 'x' }, occurredAt: 'yesterday' }, 'occurredAt'],
  ])('answers 400 naming the field for %s, and stores nothing', async (_name, body, path) => {
    const before = await snapshot();
    const res = await postMilestone(server.url, body);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid-milestone');
    expect(error.issues?.map((i) => i.path)).toContain(path);
    expect(error.issues?.every((i) => i.message.length > 3 && i.message !== 'Invalid input')).toBe(true);
    expect((await snapshot()).seq).toBe(before.seq);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await postMilestone(server.url, '{"kind": "funding",');
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('invalid-json');
  });

  it('answers 401 without a token and 403 with a wrong one, storing nothing', async () => {
    const before = await snapshot();
    const missing = await postMilestone(server.url, validMilestone(1), null);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    const wrong = await postMilestone(server.url, validMilestone(1), 'not-the-token');
    expect(wrong.status).toBe(403);
    // The token is never echoed back.
    expect(JSON.stringify(await errorOf(wrong))).not.toContain('not-the-token');
    expect((await snapshot()).seq).toBe(before.seq);
  });

  it('answers 413 for an oversize body', async () => {
    const before = await snapshot();
    const res = await postMilestone(server.url, { kind: 'funding', title: { en: 'x'.repeat(100_000) } });
    expect(res.status).toBe(413);
    expect((await snapshot()).seq).toBe(before.seq);
  });

  it('answers 404 for an unknown project and 400 for a malformed project id', async () => {
    expect((await postMilestone(server.url, validMilestone(1), undefined, 'no-such-project')).status).toBe(404);
    expect((await fetch(`${server.url}/api/projects/no-such-project`)).status).toBe(404);
    const bad = await fetch(`${server.url}/api/projects/Bad%20Id!`);
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).issues?.[0]?.path).toBe('projectId');
  });

  it('answers 415 when the body is not declared as JSON', async () => {
    const res = await fetch(`${server.url}/api/projects/${PROJECT_ID}/milestones`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-operator-token-0123456789', 'content-type': 'text/plain' },
      body: JSON.stringify(validMilestone(1)),
    });
    expect(res.status).toBe(415);
  });
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}, token: string | null = OPERATOR_TOKEN) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify(body),
  });
}

describe('project events', () => {
  it.each([
    [{ type: 'funding', fundingRaised: 2_700_000, backers: 12_900 }, { fundingRaised: 2_700_000, backers: 12_900 }],
    [{ type: 'phase', phase: 'post-production' }, { phase: 'post-production' }],
    [{ type: 'shooting-days', done: 24, planned: 41 }, { shootingDays: { done: 24, planned: 41 } }],
    [{ type: 'project-edit', changes: { title: { en: 'The Lantern Keeper (2027)' }, fundingGoal: 3_200_000 } }, { fundingGoal: 3_200_000, title: { en: 'The Lantern Keeper (2027)', 'zh-CN': '守灯人' } }],
    [{ type: 'annotation', annotation: { id: 'scene-45', locationId: 'stage-a', yaw: 10, pitch: -5, label: { en: 'Scene 45 is shooting here' } } }, { annotations: [{ id: 'scene-45', locationId: 'stage-a' }] }],
    [{ type: 'annotation-removed', id: 'scene-45' }, { annotations: [] }],
  ])('stores %j as the next event and the snapshot shows its effect', async (body, expected) => {
    const before = await snapshot();
    const res = await post(`/api/projects/${PROJECT_ID}/events`, body);
    expect(res.status).toBe(201);
    const event = (await res.json()) as { seq: number; type: string; at: string };
    expect(event).toMatchObject({ type: body.type, seq: before.seq + 1 });
    const after = await snapshot();
    expect(after.seq).toBe(event.seq);
    expect(after.project).toMatchObject(expected);
  });

  it.each([
    ['more days done than planned', { type: 'shooting-days', done: 50, planned: 40 }, 'done'],
    ['an unknown type', { type: 'party', guests: 3 }, 'type'],
    ['a negative amount', { type: 'funding', fundingRaised: -5, backers: 1 }, 'fundingRaised'],
    ['an empty edit', { type: 'project-edit', changes: {} }, 'changes'],
    ['a fractional backer count', { type: 'funding', fundingRaised: 5, backers: 1.5 }, 'backers'],
  ])('refuses %s with the path, storing nothing', async (_name, body, path) => {
    const before = await snapshot();
    const res = await post(`/api/projects/${PROJECT_ID}/events`, body);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).issues?.map((i) => i.path)).toContain(path);
    expect((await snapshot()).seq).toBe(before.seq);
  });

  it('pages through the event log and checks its query', async () => {
    const { seq } = await snapshot();
    const page = (await (await fetch(`${server.url}/api/projects/${PROJECT_ID}/events?after=${seq - 3}&limit=2`)).json()) as { events: { seq: number }[]; seq: number };
    expect(page.events.map((e) => e.seq)).toEqual([seq - 2, seq - 1]);
    expect(page.seq).toBe(seq);
    const bad = await fetch(`${server.url}/api/projects/${PROJECT_ID}/events?after=-1&limit=5000`);
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).issues?.map((i) => i.path)).toEqual(['after', 'limit']);
  });
});

describe('idempotent posts', () => {
  it('answers a retried post with what the first one stored, storing it once', async () => {
    const before = await snapshot();
    const headers = { 'idempotency-key': 'retry-me-0001' };
    const first = await post(`/api/projects/${PROJECT_ID}/milestones`, validMilestone(501), headers);
    const second = await post(`/api/projects/${PROJECT_ID}/milestones`, validMilestone(501), headers);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
    expect((await snapshot()).seq).toBe(before.seq + 1);
  });

  it('refuses the same key with a different body (422), and a malformed key (400)', async () => {
    const headers = { 'idempotency-key': 'retry-me-0002' };
    expect((await post(`/api/projects/${PROJECT_ID}/milestones`, validMilestone(502), headers)).status).toBe(201);
    const before = await snapshot();
    const reused = await post(`/api/projects/${PROJECT_ID}/milestones`, validMilestone(503), headers);
    expect(reused.status).toBe(422);
    expect((await errorOf(reused)).code).toBe('idempotency-key-reused');
    const bad = await post(`/api/projects/${PROJECT_ID}/milestones`, validMilestone(504), { 'idempotency-key': 'x'.repeat(200) });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).issues?.[0]?.path).toBe('Idempotency-Key');
    expect((await snapshot()).seq).toBe(before.seq);
  });
});

describe('backer tokens and private projects', () => {
  const PRIVATE = 'crew-only-cut';
  beforeAll(async () => {
    await server.storage.ensureProject({ ...SAMPLE_PROJECT, id: PRIVATE, visibility: 'backers' });
  });

  it('issues a token (operator only) that opens a private project; others see a 404', async () => {
    expect((await post('/api/backer-tokens', { label: 'Li Wei', tier: 'gold', projects: [PRIVATE] }, {}, null)).status).toBe(401);
    expect((await post('/api/backer-tokens', { label: 'Li Wei', tier: 'gold', projects: [PRIVATE] }, {}, 'demo-gold')).status).toBe(403);
    const bad = await post('/api/backer-tokens', { label: 'Li Wei', tier: 'diamond', projects: [] });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).issues?.map((i) => i.path).sort()).toEqual(['projects', 'tier']);

    const res = await post('/api/backer-tokens', { label: 'Li Wei', tier: 'gold', projects: [PRIVATE] });
    expect(res.status).toBe(201);
    const { token } = (await res.json()) as { token: string };
    const read = (t?: string) => fetch(`${server.url}/api/projects/${PRIVATE}`, t ? { headers: { authorization: `Bearer ${t}` } } : {});
    expect((await read()).status).toBe(404);
    expect((await read('token-nobody-has')).status).toBe(403);
    expect((await read(token)).status).toBe(200);
    expect((await read(OPERATOR_TOKEN)).status).toBe(200);
  });
});

// Last: it uses up the operator token's rate limit.
describe('rate limit', () => {
  it('answers 429 with Retry-After once a token posts faster than its limit, and stores nothing it refused', async () => {
    const before = await snapshot();
    const accepted: string[] = [];
    const refused: string[] = [];
    for (let i = 0; i < 60; i++) {
      const res = await postMilestone(server.url, validMilestone(100 + i));
      const title = validMilestone(100 + i).title.en;
      if (res.status === 201) accepted.push(title);
      else if (res.status === 429) refused.push(title);
      else throw new Error(`unexpected status ${res.status}`);
    }
    expect(refused.length).toBeGreaterThan(0);
    const limited = await postMilestone(server.url, validMilestone(999));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    refused.push(validMilestone(999).title.en);
    // Every accepted post is stored exactly once, in order; the sequence moved by the accepted posts alone.
    const snap = await snapshot();
    const seqs = snap.milestones.map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(snap.seq).toBe(before.seq + accepted.length);
    // The snapshot keeps the latest milestones, more than were accepted here: all of this test's are in it.
    expect(accepted.length).toBeLessThan(snap.milestones.length);
    expect(snap.milestones.filter((m) => m.seq > before.seq).map((m) => m.title.en)).toEqual(accepted);
    const stored = new Set(snap.milestones.map((m) => m.title.en));
    expect(refused.filter((title) => stored.has(title))).toEqual([]);
  });
});

describe('malformed paths', () => {
  it('answers 400, not 500, for a project id with broken %-escapes', async () => {
    const res = await fetch(`${server.url}/api/projects/%E0%A4`);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('invalid-project-id');
  });
});
