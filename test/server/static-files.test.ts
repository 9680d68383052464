// The static files of the real `npm start` process: a deploy that swaps or rewrites the app folder while
// viewers stream from it costs at most those requests (404/503), never the process; HLS files carry their types.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { startFeedClient } from '../helpers/feed-client';
import { PROJECT_ID } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

const root = mkdtempSync(join(tmpdir(), 'setvisit-static-'));
const appDir = join(root, 'app');
let server: ServerProcess;

/** A built app in miniature: a page, a bundle, an HLS rendition (video and audio) with captions. */
function writeApp(dir: string, version: string): void {
  const big = (n: number) => Buffer.alloc(n, version.charCodeAt(0));
  mkdirSync(join(dir, 'assets'), { recursive: true });
  mkdirSync(join(dir, 'media/set/desktop'), { recursive: true });
  mkdirSync(join(dir, 'media/set/audio-en'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>${version}</title>`);
  writeFileSync(join(dir, 'assets/app.js'), big(300_000));
  writeFileSync(join(dir, 'media/set/master.m3u8'), '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1000\ndesktop/index.m3u8\n');
  writeFileSync(join(dir, 'media/set/desktop/index.m3u8'), '#EXTM3U\n#EXT-X-MAP:URI="init.mp4"\n#EXTINF:2,\nseg_00000.m4s\n');
  writeFileSync(join(dir, 'media/set/desktop/init.mp4'), big(1_000));
  writeFileSync(join(dir, 'media/set/desktop/seg_00000.m4s'), big(500_000));
  writeFileSync(join(dir, 'media/set/desktop/seg_00000.ts'), big(200_000));
  writeFileSync(join(dir, 'media/set/audio-en/init.mp4'), big(800));
  writeFileSync(join(dir, 'media/set/audio-en/seg_00000.m4s'), big(50_000));
  writeFileSync(join(dir, 'media/set/captions.en.vtt'), 'WEBVTT\n\n00:00.000 --> 00:02.000\nOn set\n');
}

const PATHS = [
  '/',
  '/index.html',
  '/assets/app.js',
  '/media/set/master.m3u8',
  '/media/set/desktop/index.m3u8',
  '/media/set/desktop/init.mp4',
  '/media/set/desktop/seg_00000.m4s',
  '/media/set/desktop/seg_00000.ts',
  '/media/set/audio-en/seg_00000.m4s',
  '/media/set/captions.en.vtt',
];

beforeAll(async () => {
  writeApp(appDir, 'a');
  server = await startServerProcess({ dataDir: root, env: { SETVISIT_APP_DIR: appDir } });
}, 60_000);

afterAll(() => {
  server?.child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

describe('static files', { timeout: 60_000 }, () => {
  it('serves HLS playlists, segments, init segments and captions with their media types', async () => {
    const expected: Record<string, RegExp> = {
      '/media/set/master.m3u8': /^application\/vnd\.apple\.mpegurl$/,
      '/media/set/desktop/index.m3u8': /^application\/vnd\.apple\.mpegurl$/,
      '/media/set/desktop/init.mp4': /^video\/mp4$/,
      '/media/set/desktop/seg_00000.m4s': /^video\/mp4$/,
      '/media/set/desktop/seg_00000.ts': /^video\/mp2t$/,
      '/media/set/audio-en/init.mp4': /^audio\/mp4$/,
      '/media/set/audio-en/seg_00000.m4s': /^audio\/mp4$/,
      '/media/set/captions.en.vtt': /^text\/vtt(;|$)/,
      '/index.html': /^text\/html; charset=utf-8$/,
      '/assets/app.js': /^text\/javascript/,
    };
    for (const [path, type] of Object.entries(expected)) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(type);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      await res.arrayBuffer();
    }
    expect((await fetch(`${server.url}/media/set/master.m3u8`)).headers.get('cache-control')).toBe('public, no-cache');
  });

  it('answers conditional and range requests, and refuses paths that leave the folder', async () => {
    const first = await fetch(`${server.url}/media/set/desktop/seg_00000.m4s`);
    const etag = first.headers.get('etag');
    await first.arrayBuffer();
    expect(etag).toMatch(/^W\/"/);
    expect((await fetch(`${server.url}/media/set/desktop/seg_00000.m4s`, { headers: { 'if-none-match': etag! } })).status).toBe(304);
    const part = await fetch(`${server.url}/media/set/desktop/seg_00000.m4s`, { headers: { range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 10-19/500000');
    expect((await part.arrayBuffer()).byteLength).toBe(10);
    expect((await fetch(`${server.url}/media/set/desktop/seg_00000.m4s`, { headers: { range: 'bytes=600000-' } })).status).toBe(416);
    for (const path of ['/..%2Ffeed.sqlite', '/%2e%2e/feed.sqlite', '/media/%00', '/.env', '/nothing-here.js']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      await res.arrayBuffer();
    }
  });

  it('answers on while the app folder is swapped, deleted and rewritten under streaming requests', async () => {
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let churning = true;
    let swaps = 0;

    // The deploy: build the next folder, swap it in by rename, drop the old one; between swaps, delete
    // single files, put a folder where a file was (EISDIR) and write files back.
    const deploy = (async () => {
      for (let round = 0; churning; round++) {
        const next = join(root, `app-next-${round}`);
        const old = join(root, `app-old-${round}`);
        writeApp(next, round % 2 ? 'a' : 'b');
        renameSync(appDir, old);
        renameSync(next, appDir);
        rmSync(old, { recursive: true, force: true });
        swaps++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        const victim = join(appDir, PATHS[2 + (round % (PATHS.length - 2))]!);
        rmSync(victim, { force: true });
        mkdirSync(victim);
        await new Promise((resolve) => setTimeout(resolve, 5));
        rmSync(victim, { recursive: true, force: true });
        rmSync(join(appDir, 'index.html'), { force: true });
        await new Promise((resolve) => setTimeout(resolve, 5));
        try {
          unlinkSync(join(appDir, 'media/set/desktop/seg_00000.m4s'));
        } catch {
          // already gone this round
        }
      }
    })();

    const openFiles = () => readdirSync(`/proc/${server.child.pid!}/fd`).length;
    const filesBefore = openFiles();
    let abandoned = 0;
    const viewer = async (id: number) => {
      for (let i = 0; churning; i++) {
        const path = PATHS[(id + i) % PATHS.length]!;
        // Every seventh viewer walks away mid-download, as a player switching renditions does.
        const leaving = (id + i) % 7 === 0;
        const controller = new AbortController();
        try {
          const res = await fetch(`${server.url}${path}`, { signal: controller.signal });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (leaving) {
            controller.abort();
            abandoned++;
          } else {
            await res.arrayBuffer();
          }
        } catch (err) {
          if (!leaving) failures.push(`${path}: ${String(err)}`);
        }
      }
    };
    const viewers = Array.from({ length: 16 }, (_, id) => viewer(id));
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    churning = false;
    await Promise.all([deploy, ...viewers]);

    expect(server.child.exitCode, server.output()).toBeNull();
    expect(failures).toEqual([]);
    expect(abandoned).toBeGreaterThan(10);
    // Every file opened for a response, finished or abandoned, was closed again (a few sockets may linger).
    await waitFor(() => openFiles() <= filesBefore + 4, 5_000, `open files back to ${filesBefore}`);
    expect(swaps).toBeGreaterThan(10);
    expect([...statuses.keys()].every((status) => [200, 304, 404, 503].includes(status)), JSON.stringify([...statuses])).toBe(true);
    // The churn really happened under the requests: some found their file gone, most were served.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(404) ?? 0).toBeGreaterThan(0);

    // The server goes on: the folder as it is now is served, the API and the feed answer.
    writeApp(appDir, 'c');
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>c</title>');
    expect((await fetch(`${server.url}/api/projects/${PROJECT_ID}`)).status).toBe(200);
    const client = startFeedClient(server.url);
    try {
      await waitFor(() => client.store.getState().feed.data, 10_000, 'the feed snapshot');
    } finally {
      client.feed.stop();
    }
    // Copy the next folder in place (cp over a live folder, as rsync-style deploys do): still served.
    const staged = join(root, 'staged');
    writeApp(staged, 'd');
    cpSync(staged, appDir, { recursive: true });
    expect(await (await fetch(`${server.url}/index.html`)).text()).toContain('<title>d</title>');
  });
});
