// Entitled media over real HTTP: every kind of gated file (tour file, master and media playlists, init and media
// segments, captions) of a backers-only project and of a tier-gated location is refused without a media pass, with
// an expired one, with one for another project or location and with a tampered one — alike for a hidden project
// and a missing one — and served with a valid pass; a pass is for the tier the code has; a revoked code gets none.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSetVisitServer, type SetVisitServer } from '../../src/server/create-server';
import { signMediaCredential, mediaKeyring } from '../../src/server/media-access/media-credential';
import { SAMPLE_PROJECT, seedSampleProject } from '../../src/server/sample-project';
import { SqliteFeedStorage } from '../../src/server/storage/sqlite-storage';
import { OPERATOR_TOKEN, REPO_ROOT } from '../helpers/test-server';

const KEY = { id: 'test1', secret: 'a-test-secret-that-is-long-enough-0123456789' };
const TTL = 120;
const HIDDEN = 'crew-cut';
const dir = mkdtempSync(join(tmpdir(), 'setvisit-media-access-'));
const scenesDir = join(dir, 'scenes');
const dbFile = join(dir, 'feed.sqlite');
let storage: SqliteFeedStorage;
let server: SetVisitServer;
let url = '';

/** A tour whose stream is in scenes/streams/<folder>, with captions; `tiers` adds gated locations. */
function tourFor(projectId: string, folder: string, extra: { id: string; folder: string; tier: string }[] = []) {
  const location = (id: string, f: string, tier?: string) => ({
    id,
    name: { en: id },
    stream: `/scenes/streams/${f}/master.m3u8`,
    projection: 'equirect360',
    initialView: { yaw: 0, pitch: 0 },
    captions: [{ language: 'en', src: `/scenes/streams/${f}/captions.en.vtt` }],
    ...(tier ? { tier } : {}),
  });
  return { id: `${projectId}-tour`, projectId, title: { en: projectId }, start: 'main', locations: [location('main', folder), ...extra.map((e) => location(e.id, e.folder, e.tier))] };
}

beforeAll(async () => {
  cpSync(join(REPO_ROOT, 'scenes'), scenesDir, { recursive: true });
  for (const folder of ['crew', 'crew-vip']) cpSync(join(REPO_ROOT, 'public/media/backlot'), join(scenesDir, 'streams', folder), { recursive: true });
  writeFileSync(join(scenesDir, `${HIDDEN}.json`), JSON.stringify(tourFor(HIDDEN, 'crew', [{ id: 'vip', folder: 'crew-vip', tier: 'platinum' }])));
  storage = new SqliteFeedStorage(dbFile);
  await seedSampleProject(storage);
  await storage.ensureProject({ ...SAMPLE_PROJECT, id: HIDDEN, visibility: 'backers', title: { en: 'Crew cut' } });
  await storage.ensureProject({ ...SAMPLE_PROJECT, id: 'other-cut', visibility: 'backers', title: { en: 'Other cut' } });
  await storage.ensureBackerToken('crew-gold-code', { label: 'crew', tier: 'gold', projects: [HIDDEN] });
  await storage.ensureBackerToken('other-gold-code', { label: 'other', tier: 'gold', projects: ['other-cut'] });
  await storage.ensureBackerToken('to-be-revoked', { label: 'soon gone', tier: 'gold', projects: [HIDDEN] });
  server = createSetVisitServer({
    storage,
    operatorToken: OPERATOR_TOKEN,
    log: { notice: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    files: { appDir: join(REPO_ROOT, 'public'), scenesDir },
    media: { keys: [KEY], passTtlSeconds: TTL },
  });
  url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
});

afterAll(async () => {
  await server?.close();
  await storage?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every kind of file a gated stream is made of, under a stream folder. */
const filesUnder = (base: string) => [`${base}master.m3u8`, `${base}desktop/index.m3u8`, `${base}desktop/init.mp4`, `${base}desktop/seg_00000.m4s`, `${base}captions.en.vtt`];
const HIDDEN_FILES = [`/scenes/${HIDDEN}.json`, ...filesUnder('/scenes/streams/crew/')];
const GATED_LOCATION_FILES = filesUnder('/media/monitor/');

async function pass(path: string, code?: string): Promise<{ status: number; body: Record<string, unknown>; cookie: string; setCookies: string[] }> {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: code ? { authorization: `Bearer ${code}` } : {} });
  const setCookies = res.headers.getSetCookie();
  // What the browser would send back: every cookie that is not a clearing one (Max-Age=0).
  const cookie = setCookies.filter((c) => !/Max-Age=0\b/.test(c)).map((c) => c.split(';')[0]).join('; ');
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, cookie, setCookies };
}

const get = (path: string, cookie?: string) => fetch(`${url}${path}`, { headers: cookie ? { cookie } : {} });
const cookieFor = (scope: string, expiresAt: number) => `setvisit_media=${signMediaCredential({ scope, expiresAt }, mediaKeyring([KEY]))}`;
const inSeconds = (s: number) => Math.floor(Date.now() / 1000) + s;

describe('entitled media over HTTP', () => {
  it('refuses every kind of gated file without a pass, and says nothing about what is behind it', async () => {
    for (const path of [...HIDDEN_FILES, ...GATED_LOCATION_FILES]) {
      const res = await get(path);
      expect(res.status, path).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code, path).toBe('media-pass-needed');
    }
    // A hidden project's tour file answers exactly like a project that does not exist.
    const hidden = await get(`/scenes/${HIDDEN}.json`);
    const missing = await get('/scenes/no-such-project.json');
    expect([missing.status, await missing.text()]).toEqual([hidden.status, await hidden.text()]);
    // A gated folder answers alike for a file that is there and one that is not.
    const absent = await get('/scenes/streams/crew/desktop/seg_99999.m4s');
    expect(absent.status).toBe(401);
  });

  it('serves the public parts as before: the sample tour file and its open locations', async () => {
    expect((await get('/scenes/lantern-keeper.json')).status).toBe(200);
    const playlist = await get('/media/backlot/master.m3u8');
    expect(playlist.status).toBe(200);
    expect(playlist.headers.get('cache-control')).toBe('public, no-cache');
    expect((await get('/media/stage-a/desktop/seg_00000.m4s')).headers.get('cache-control')).toContain('public');
  });

  it('serves every gated file with a valid pass, for the viewer’s cache only', async () => {
    const crew = await pass(`/api/projects/${HIDDEN}/media-pass`, 'crew-gold-code');
    expect(crew.status).toBe(200);
    expect(crew.body).toMatchObject({ projectId: HIDDEN, tier: 'gold', ttlSeconds: TTL, locations: [{ locationId: 'main', requiredTier: 'supporter', open: true }, { locationId: 'vip', requiredTier: 'platinum', open: false }] });
    for (const c of crew.setCookies) expect(c).toMatch(/; Path=\/[^;]+; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    for (const path of HIDDEN_FILES) {
      const res = await get(path, crew.cookie);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control') ?? '', path).not.toContain('public');
    }
    expect(((await (await get(`/scenes/${HIDDEN}.json`, crew.cookie)).json()) as { projectId: string }).projectId).toBe(HIDDEN);
    // The platinum location stays shut for a gold code.
    expect((await get('/scenes/streams/crew-vip/master.m3u8', crew.cookie)).status).toBe(401);

    const supporter = await pass(`/api/projects/${SAMPLE_PROJECT.id}/media-pass`, 'demo-supporter');
    expect(supporter.body).toMatchObject({ tier: 'supporter', locations: [{ locationId: 'monitor', requiredTier: 'supporter', open: true }] });
    for (const path of GATED_LOCATION_FILES) expect((await get(path, supporter.cookie)).status, path).toBe(200);
  });

  it('refuses an expired pass, another project’s or location’s pass, and a tampered one', async () => {
    for (const path of HIDDEN_FILES) {
      const scope = path.endsWith('.json') ? path : '/scenes/streams/crew/';
      const expired = await get(path, cookieFor(scope, inSeconds(-1)));
      expect([path, expired.status, ((await expired.json()) as { error: { code: string } }).error.code]).toEqual([path, 403, 'media-pass-expired']);
      // A genuine pass for the gated location of the other project, and for the other gated location here.
      expect((await get(path, cookieFor('/media/monitor/', inSeconds(60)))).status, path).toBe(401);
      expect((await get(path, cookieFor('/scenes/streams/crew-vip/', inSeconds(60)))).status, path).toBe(401);
      // Widened to cover the path (or given a later expiry) after signing: the signature no longer matches.
      const genuine = cookieFor('/media/monitor/', inSeconds(60));
      const widened = genuine.replace('acl=/media/monitor/', 'acl=/');
      const tampered = await get(path, widened);
      expect([path, tampered.status, ((await tampered.json()) as { error: { code: string } }).error.code]).toEqual([path, 403, 'media-pass-invalid']);
      const later = cookieFor(scope, inSeconds(-5)).replace(/exp=\d+/, `exp=${inSeconds(3600)}`);
      expect((await get(path, later)).status, path).toBe(403);
    }
    // Signed with a key the server does not have.
    const foreign = `setvisit_media=${signMediaCredential({ scope: '/media/monitor/', expiresAt: inSeconds(60) }, mediaKeyring([{ id: 'test1', secret: 'someone-elses-secret-0123456789abcdef' }]))}`;
    for (const path of GATED_LOCATION_FILES) expect((await get(path, foreign)).status, path).toBe(403);
    // A path that climbs out of an open folder into a gated one is judged by where it lands.
    expect((await get('/media/backlot/%2e%2e/monitor/master.m3u8')).status).toBe(401);
  });

  it('gives passes only to codes that may see the project, for the tiers they have', async () => {
    expect((await pass(`/api/projects/${HIDDEN}/media-pass`)).status).toBe(401);
    expect((await pass(`/api/projects/${HIDDEN}/media-pass`, 'not-a-code')).status).toBe(403);
    // Another project's code: the project answers as missing, and no cookie is set.
    const other = await pass(`/api/projects/${HIDDEN}/media-pass`, 'other-gold-code');
    const missing = await pass('/api/projects/no-such-project/media-pass', 'other-gold-code');
    expect([other.status, other.body]).toEqual([404, { error: { code: 'not-found', message: `no project "${HIDDEN}"` } }]);
    expect(missing.status).toBe(404);
    expect(other.setCookies).toEqual([]);
    expect((await fetch(`${url}/api/projects/${HIDDEN}/media-pass`)).status).toBe(405);
    // The operator opens everything.
    const operator = await pass(`/api/projects/${HIDDEN}/media-pass`, OPERATOR_TOKEN);
    expect(operator.body).toMatchObject({ tier: null, locations: [{ open: true }, { open: true }] });
    expect((await get('/scenes/streams/crew-vip/desktop/seg_00000.m4s', operator.cookie)).status).toBe(200);
  });

  it('refuses a revoked code a new pass; the pass it had ends at its expiry', async () => {
    const before = await pass(`/api/projects/${HIDDEN}/media-pass`, 'to-be-revoked');
    expect(before.status).toBe(200);
    // Revoked the way the operator does it (the backer codes' revoke).
    const code = await storage.backerCodes.findBackerCode('to-be-revoked');
    expect((await storage.backerCodes.revokeBackerCode(code!.id, new Date())).kind).toBe('revoked');
    expect(await storage.backerCodes.isBackerTokenActive('to-be-revoked')).toBe(false);
    const refresh = await pass(`/api/projects/${HIDDEN}/media-pass`, 'to-be-revoked');
    expect(refresh.status).toBe(403);
    expect(refresh.setCookies).toEqual([]);
    const expiresAt = Date.parse(String(before.body.expiresAt));
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(TTL * 1000);
    expect(expiresAt - Date.now()).toBeGreaterThan((TTL - 10) * 1000);
  });
});
