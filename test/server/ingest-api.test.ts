// The ingest API over real HTTP: what it stores, and how it refuses bad requests without storing anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectSnapshot } from '../../src/protocol';
import { PROJECT_ID, postMilestone, startTestServer, validMilestone, type TestServer } from '../helpers/test-server';

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

  it('answers 429 with Retry-After once a token posts faster than its limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await postMilestone(server.url, validMilestone(100 + i))).status);
    expect(statuses).toContain(429);
    const limited = await postMilestone(server.url, validMilestone(999));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Every accepted post is stored exactly once, in order.
    const snap = await snapshot();
    const seqs = snap.milestones.map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });
});
