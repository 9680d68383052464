// The funding line over the real ingest API and feed snapshot: each posted total is a (time, amount) point.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectSnapshot } from '../../src/protocol';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

async function snapshot(): Promise<ProjectSnapshot> {
  const res = await fetch(`${server.url}/api/projects/${PROJECT_ID}`);
  expect(res.status).toBe(200);
  return ProjectSnapshot.parse(await res.json());
}

function postEvent(body: unknown): Promise<Response> {
  return fetch(`${server.url}/api/projects/${PROJECT_ID}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${OPERATOR_TOKEN}` },
    body: JSON.stringify(body),
  });
}

describe('funding history', () => {
  it('the sample project starts with weeks of funding totals, rising to its total now', async () => {
    const { project } = await snapshot();
    const history = project.fundingHistory ?? [];
    expect(history.length).toBeGreaterThanOrEqual(8);
    const times = history.map((p) => Date.parse(p.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Date.now() - (times[0] ?? Date.now())).toBeGreaterThan(30 * 86_400_000);
    expect(history.at(-1)?.raised).toBe(project.fundingRaised);
    // Not a flat line: the amounts change over time.
    expect(new Set(history.map((p) => p.raised)).size).toBeGreaterThan(5);
  });

  it('a posted total becomes the latest point; an earlier one joins the line without changing the total', async () => {
    const before = (await snapshot()).project;
    const now = await postEvent({ type: 'funding', fundingRaised: 2_700_000, backers: 12_900 });
    expect(now.status).toBe(201);
    const stored = (await now.json()) as { at: string; occurredAt: string };
    expect(stored.occurredAt).toBe(stored.at);
    const earlier = new Date(Date.now() - 1.5 * 86_400_000).toISOString();
    expect((await postEvent({ type: 'funding', fundingRaised: 2_650_000, backers: 12_700, occurredAt: earlier })).status).toBe(201);
    const after = (await snapshot()).project;
    expect(after).toMatchObject({ fundingRaised: 2_700_000, backers: 12_900 });
    const history = after.fundingHistory ?? [];
    expect(history).toHaveLength((before.fundingHistory?.length ?? 0) + 2);
    expect(history.slice(-2)).toEqual([
      { at: earlier, raised: 2_650_000 },
      { at: stored.at, raised: 2_700_000 },
    ]);
  });

  it('refuses a total with a time that is not one, naming the field and storing nothing', async () => {
    const before = await snapshot();
    const res = await postEvent({ type: 'funding', fundingRaised: 10, backers: 1, occurredAt: 'last Tuesday' });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(error.code).toBe('invalid-event');
    expect(error.issues.map((i) => i.path)).toContain('occurredAt');
    const after = await snapshot();
    expect(after.seq).toBe(before.seq);
    expect(after.project.fundingHistory).toEqual(before.project.fundingHistory);
  });
});
