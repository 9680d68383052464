// Renditions capped by presentation, in Chromium with the built app (needs `npm run build`): a ladder whose top
// rendition (4096×2048) this device is not known to present smoothly plays through hls.js, and when the page drops
// frames there the session caps the renditions below it and says so in ?stats=1; on a stream with headroom it does
// not cap. The drops are the test's: an init script makes the element report half of the frames of any 4096-wide
// rendition as dropped (whether this machine's software decoder really drops them depends on its load), so the cap's
// behaviour is tested, not its speed. The ladders are made with the media pipeline at test time (test-ladder.ts).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PROJECT } from '../../src/server/sample-project';
import { launchChromium, recordPageErrors } from '../helpers/browser';
import { REPO_ROOT, startTestServer, type TestServer } from '../helpers/test-server';
import { serveTestLadder, type ServedLadder } from './test-ladder';

const scenesDir = mkdtempSync(join(tmpdir(), 'setvisit-cap-'));
let server: TestServer;
let browser: Browser;
let ladders: ServedLadder[] = [];

async function tourOn(id: string, stream: string): Promise<void> {
  const location = { id: 'set', name: { en: 'Set' }, stream, projection: 'equirect360', initialView: { yaw: 0, pitch: 0 } };
  writeFileSync(join(scenesDir, `${id}.json`), JSON.stringify({ id, projectId: id, title: { en: id }, start: 'set', locations: [location] }));
  await server.storage.ensureProject({ ...SAMPLE_PROJECT, id, title: { en: id } });
}

beforeAll(async () => {
  cpSync(join(REPO_ROOT, 'scenes/lantern-keeper.json'), join(scenesDir, 'lantern-keeper.json'));
  server = await startTestServer({ serveApp: true, scenesDir });
  // Made side by side: six one-second segments at 10 frames a second (ABR climbs after the first), ultrafast, a low
  // bitrate.
  ladders = await Promise.all([
    serveTestLadder([{ width: 1024, height: 512, videoKbps: 300 }, { width: 4096, height: 2048, videoKbps: 1500 }], { seconds: 6, fps: 10 }),
    serveTestLadder([{ width: 256, height: 128, videoKbps: 100 }, { width: 512, height: 256, videoKbps: 200 }], { seconds: 6, fps: 10 }),
  ]);
  await tourOn('cap-4k', ladders[0]!.master);
  await tourOn('cap-small', ladders[1]!.master);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  for (const ladder of ladders) await ladder.close();
  await server?.dispose();
  rmSync(scenesDir, { recursive: true, force: true });
});

interface Media {
  status: string;
  engine: string | null;
  cap: { maxPixels: number; size: { width: number; height: number } | null; reason: string; droppedAt: { width: number; height: number } | null } | null;
  metrics: { rendition: { height: number } | null };
}
const media = (page: Page): Promise<Media> =>
  page.evaluate(() => (window as unknown as { __setvisit: { store: { getState(): { media: Media } } } }).__setvisit.store.getState().media);

/** Runs in the page: half of the frames decoded while the element shows a 4096-wide rendition count as dropped. */
function dropFramesAt4k(): void {
  const real = Object.getOwnPropertyDescriptor(HTMLVideoElement.prototype, 'getVideoPlaybackQuality')!.value as (this: HTMLVideoElement) => VideoPlaybackQuality;
  const extra = new WeakMap<HTMLVideoElement, { total: number; dropped: number }>();
  HTMLVideoElement.prototype.getVideoPlaybackQuality = function (this: HTMLVideoElement) {
    const quality = real.call(this);
    const seen = extra.get(this) ?? { total: quality.totalVideoFrames, dropped: 0 };
    if (this.videoWidth >= 4096) seen.dropped += Math.ceil((quality.totalVideoFrames - seen.total) / 2);
    seen.total = quality.totalVideoFrames;
    extra.set(this, seen);
    const reported: VideoPlaybackQuality = { ...quality, totalVideoFrames: quality.totalVideoFrames, droppedVideoFrames: quality.droppedVideoFrames + seen.dropped, creationTime: quality.creationTime };
    return reported;
  };
}

async function open(project: string, query: string, dropAt4k: boolean): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  // A context of its own: nothing remembered from another test (localStorage).
  const context = await browser.newContext({ viewport: { width: 800, height: 450 } });
  const page = await context.newPage();
  const errors = recordPageErrors(page);
  if (dropAt4k) await page.addInitScript(`(${dropFramesAt4k.toString()})()`);
  await page.goto(`${server.url}/?mode=desktop&project=${project}&lang=en&stats=1${query}`);
  return { page, errors, close: () => context.close() };
}

describe('renditions capped by presentation', () => {
  it('caps below a top rendition the page drops frames on, says so in ?stats=1, and remembers it for the next visit', async () => {
    const { page, errors, close } = await open('cap-4k', '', true);
    try {
      // Chromium's own HLS cannot be capped: a 4096×2048 top rendition not known smooth goes to hls.js.
      await page.waitForFunction(() => (window as unknown as { __setvisit: { store: { getState(): { media: { status: string } } } } }).__setvisit.store.getState().media.status === 'playing', null, { timeout: 30_000 });
      expect((await media(page)).engine).toBe('hls.js');
      // On loopback ABR climbs to 4K within a segment or two; two bad seconds there cap it.
      await page.waitForFunction(
        () => (window as unknown as { __setvisit: { store: { getState(): { media: Media } } } }).__setvisit.store.getState().media.cap?.reason === 'frames-dropped',
        null,
        { timeout: 30_000 },
      );
      const { cap } = await media(page);
      expect(cap).toMatchObject({ size: { width: 1024, height: 512 }, droppedAt: { width: 4096, height: 2048 } });
      await expect.poll(() => page.getByTestId('stats-cap').textContent(), { timeout: 5_000 }).toBe('1024×512 · frames-dropped (drops at 4096×2048)');
      // ABR comes down to the cap.
      await expect.poll(async () => (await media(page)).metrics.rendition?.height, { timeout: 15_000 }).toBe(512);
      // The next visit on this device starts capped.
      await page.reload();
      await expect.poll(async () => (await media(page)).cap?.reason, { timeout: 30_000 }).toBe('remembered');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);

  it('does not cap a stream it presents with headroom', async () => {
    const { page, errors, close } = await open('cap-small', '&hls=js', false);
    try {
      await expect.poll(async () => (await media(page)).metrics.rendition?.height, { timeout: 30_000 }).toBe(256);
      // Six seconds at the top rendition: three times what a cap needs.
      await page.waitForTimeout(6_000);
      const state = await media(page);
      expect(state.cap).toBeNull();
      expect(state.metrics.rendition?.height).toBe(256);
      expect(await page.getByTestId('stats-cap').textContent()).toBe('none');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);
});
