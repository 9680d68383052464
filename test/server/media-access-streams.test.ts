// Meet-up stream passes over real HTTP: only those let in get one (a refusal says why: sign in, the tier, a code no
// longer valid), a pass opens its own stream's path only, a live pass only while live, and the host's revoke moves
// the stream to a new key so the old path is refused even with a genuine pass, while a new pass plays on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/operator/run';
import { refusalOf } from '../../src/protocol/media-refusal';
import { SAMPLE_MEETUP_ID } from '../../src/server/sample-project';
import { OPERATOR_TOKEN, startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
const post = (path: string, token?: string) => fetch(`${server.url}${path}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} });
const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {} });

async function streamPass(token?: string): Promise<{ status: number; body: { streamUrl?: string; requiredTier?: string; error?: { code: string } }; cookie: string }> {
  const res = await post(`/api/meetups/${SAMPLE_MEETUP_ID}/stream-pass`, token);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { status: res.status, body: (await res.json()) as never, cookie };
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.dispose());

describe('meet-up stream passes', () => {
  it('gives none before the meet-up starts', async () => {
    const early = await streamPass('demo-gold');
    expect([early.status, early.body.error?.code, early.cookie]).toEqual([409, 'not-started', '']);
  });

  it('gives one to a viewer let in, and says why to those who are not', async () => {
    expect((await post(`/api/meetups/${SAMPLE_MEETUP_ID}/start`, OPERATOR_TOKEN)).status).toBe(200);
    const anonymous = await streamPass();
    expect([anonymous.status, anonymous.body.error?.code, anonymous.cookie]).toEqual([401, 'unauthorized', '']);
    const low = await streamPass('demo-supporter');
    expect([low.status, low.body.error?.code, low.body.requiredTier, low.cookie]).toEqual([403, 'forbidden', 'gold', '']);
    const wrong = await streamPass('not-a-code');
    expect([wrong.status, wrong.cookie]).toEqual([403, '']);

    const gold = await streamPass('demo-gold');
    expect(gold.status).toBe(200);
    expect(gold.body.streamUrl).toMatch(/^\/live\/[A-Za-z0-9_-]{22}\/master\.m3u8$/);
    const base = gold.body.streamUrl!.replace(/master\.m3u8$/, '');
    for (const path of [gold.body.streamUrl!, `${base}tv/index.m3u8`, `${base}tv/init.mp4`, `${base}tv/0.m4s`]) {
      expect((await get(path)).status, path).toBe(401);
      expect((await get(path, gold.cookie)).status, path).toBe(200);
    }
    // A live pass is not a replay pass.
    expect((await get(gold.body.streamUrl!.replace('/live/', '/replay/'), gold.cookie)).status).toBe(401);
  });

  it('refuses the old key after the host revokes it, even with a genuine pass; a new pass opens the new path', async () => {
    const before = await streamPass('demo-gold');
    expect((await post(`/api/meetups/${SAMPLE_MEETUP_ID}/stream-key/revoke`, 'demo-gold')).status).toBe(403);
    expect((await post(`/api/meetups/${SAMPLE_MEETUP_ID}/stream-key/revoke`)).status).toBe(401);
    const revoked = await post(`/api/meetups/${SAMPLE_MEETUP_ID}/stream-key/revoke`, OPERATOR_TOKEN);
    expect(revoked.status).toBe(200);
    const old = await get(before.body.streamUrl!, before.cookie);
    const oldBody = (await old.json()) as { error: { code: string } };
    expect([old.status, oldBody.error.code]).toEqual([403, 'stream-key-revoked']);
    // What the viewer is told: the host closed the stream (a machine-readable reason, not a generic error).
    expect(refusalOf(old.status, oldBody)).toBe('key');
    // Without a pass, the same old path answers as any path does: nothing says the key once existed.
    const bare = await get(before.body.streamUrl!);
    expect([bare.status, refusalOf(bare.status, await bare.json())]).toEqual([401, 'pass']);
    const after = await streamPass('demo-gold');
    expect(after.body.streamUrl).not.toBe(before.body.streamUrl);
    expect((await get(after.body.streamUrl!, after.cookie)).status).toBe(200);
    // The old pass does not cover the new path.
    expect((await get(after.body.streamUrl!, before.cookie)).status).toBe(401);

    // The same from the operator CLI (npm run operator -- meetup revoke-key <id>).
    const out: string[] = [];
    const code = await runCli(['meetup', 'revoke-key', SAMPLE_MEETUP_ID], { SETVISIT_URL: server.url, SETVISIT_OPERATOR_TOKEN: OPERATOR_TOKEN }, { out: (t) => out.push(t), err: (t) => out.push(t) });
    expect([code, out.join('\n')]).toEqual([0, expect.stringContaining(`Revoked the stream key of ${SAMPLE_MEETUP_ID}`)]);
    expect((await get(after.body.streamUrl!, after.cookie)).status).toBe(403);
    expect((await streamPass('demo-gold')).body.streamUrl).not.toBe(after.body.streamUrl);
  });

  it('gives a replay pass once the meet-up ends', async () => {
    expect((await post(`/api/meetups/${SAMPLE_MEETUP_ID}/end`, OPERATOR_TOKEN)).status).toBe(200);
    const replay = await streamPass('demo-gold');
    expect(replay.body.streamUrl).toMatch(/^\/replay\//);
    expect((await get(replay.body.streamUrl!, replay.cookie)).status).toBe(200);
  });
});
