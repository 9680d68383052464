// "Watch the set" on a TV in real Chromium against the real server, driven by remote keys only (Tizen key codes and
// user agent): the WebGL sphere passes its pixel check, held arrows pan it, a hotspot is focused and selected with
// the D-pad, media keys pause and play, Back leaves. The flat-pan view forced with ?tv360=flat does the same, and
// is full of footage at every step of a full turn (no empty band where the view crosses the back seam).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { launchChromium, saveArtifact } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { backLeaves, enterWatch, focusedId, openTvHome, panChangesTheView, panMovesEveryFrame, selectHotspotWithDpad, shot, watchState as state, type WatchPage } from '../tv/watch/watch-page';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('TV: watch the set in the WebGL sphere', { timeout: 120_000 }, () => {
  let watch: WatchPage;
  beforeAll(async () => {
    watch = await openTvHome(browser, server.url, '&mode=tv', { deviceScaleFactor: 2 });
  }, 90_000);
  afterAll(() => watch?.context.close());

  it('opens the sphere from home with OK, and the pixel check finds the video really shows', async () => {
    await enterWatch(watch);
    const { page } = watch;
    expect(await page.locator('.watch').getAttribute('data-view')).toBe('webgl');
    expect(await page.locator('.watch-sphere canvas').count()).toBe(1);
    // A 2× screen, drawn at 1×: fill rate is what a TV's GPU lacks, and footage is no sharper than its source.
    const canvas = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('.watch-sphere canvas')!;
      return { pixels: c.width, css: c.clientWidth, dpr: devicePixelRatio };
    });
    expect(canvas.dpr).toBe(2);
    expect(canvas.pixels).toBe(canvas.css);
    // The sphere's code came as its own chunks (the flat view test checks they stay away without it).
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(fetched.some((name) => /\/panorama-renderer-[\w-]+\.js$/.test(name))).toBe(true);
    expect(fetched.some((name) => /\/PixelProbe-[\w-]+\.js$/.test(name))).toBe(true);
    // Two more seconds of play is past the check's decision point: still the sphere, nothing remembered.
    const t0 = (await state(page)).time;
    await expect.poll(async () => (await state(page)).time, { timeout: 15_000 }).toBeGreaterThan(t0 + 2.5);
    expect(await page.locator('.watch').getAttribute('data-view')).toBe('webgl');
    expect(await page.evaluate(() => localStorage.getItem('setvisit:tv360-view'))).toBeNull();
    expect(await focusedId(page)).toBe('watch-view');
  });

  it('pans with a held arrow, and the media keys pause and play', () => panChangesTheView(watch, 'tv-webgl'));
  it('focuses a hotspot with the D-pad and goes there with OK', () => selectHotspotWithDpad(watch, 'tv-webgl'));
  it('leaves with Back', async () => {
    await backLeaves(watch);
    expect(watch.errors).toEqual([]);
  });
});

describe('TV: watch the set in the flat-pan view (?tv360=flat)', { timeout: 120_000 }, () => {
  let watch: WatchPage;
  beforeAll(async () => {
    watch = await openTvHome(browser, server.url, '&mode=tv&tv360=flat');
  }, 90_000);
  afterAll(() => watch?.context.close());

  it('opens from home with OK and shows the video element itself, no canvas', async () => {
    await enterWatch(watch);
    const { page } = watch;
    expect(await page.locator('.watch').getAttribute('data-view')).toBe('flat');
    expect(await page.locator('canvas').count()).toBe(0);
    // No WebGL code was even fetched: the sphere's chunks (canvas, spheres, probe) load only with the sphere.
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(fetched.filter((name) => /\/(PanoramaCanvas|VideoSpheres|PixelProbe)-[\w-]+\.js$/.test(name))).toEqual([]);
    expect(fetched.some((name) => /\/WatchScreen-[\w-]+\.js$/.test(name))).toBe(true);
    const box = await page.locator('video.watch-flat__video').boundingBox();
    // 360° at 60° of view over 540 px: the frame is 3240 px wide (6 screens' heights), far wider than the screen.
    expect(box!.width).toBeGreaterThan(3000);
  });

  // The hotspot first, while the view still faces the start: the flat view shows 107° across, and a pan right and
  // back need not end where it began (a late frame's step is capped), which could leave Stage A's pin off-screen.
  it('focuses a hotspot with the D-pad and goes there with OK', () => selectHotspotWithDpad(watch, 'tv-flat'));
  it('pans with a held arrow, and the media keys pause and play', () => panChangesTheView(watch, 'tv-flat'));

  it('pans on around the back of the set: the screen is full of footage at every step of a full turn', async () => {
    const { page, remote } = watch;
    const video = page.locator('video.watch-flat__video');
    const covered = async () => {
      const box = (await video.boundingBox())!;
      return { x: box.x, share: (Math.min(960, box.x + box.width) - Math.max(0, box.x)) / 960 };
    };
    let previous = await covered();
    expect(previous.share).toBe(1);
    // Panning right moves the frame left; crossing the seam turns the page (the frame jumps right). Two page turns
    // and everything between them is more than one whole turn around the set.
    let turns = 0;
    let steps = 0;
    while (turns < 2 && steps++ < 60) {
      await remote.hold('right', 400);
      await page.waitForTimeout(100);
      const now = await covered();
      expect(now.share, `step ${steps}: part of the screen is past the frame's edge`).toBe(1);
      const png = await shot(page);
      expect(emptyColumns(png), `step ${steps}: an empty band on screen`).toBe(0);
      if (now.x > previous.x + 100) {
        turns++;
        saveArtifact(`tv-flat-seam-turn-${turns}.png`, png);
      }
      previous = now;
    }
    expect(turns).toBe(2);
  });

  it('moves the view on every frame while an arrow is held, not per key repeat', () => panMovesEveryFrame(watch));
  it('leaves with Back', async () => {
    await backLeaves(watch);
    expect(watch.errors).toEqual([]);
  });
});

/** Columns of a screenshot that are one flat colour from top to bottom: where no footage is, the page shows. */
function emptyColumns(png: Buffer): number {
  const image = PNG.sync.read(png);
  let empty = 0;
  for (let x = 0; x < image.width; x += 4) {
    let flat = true;
    const first = x * 4;
    for (let y = 1; y < image.height && flat; y += 3) {
      const i = (y * image.width + x) * 4;
      for (let c = 0; c < 3; c++) if (Math.abs(image.data[i + c]! - image.data[first + c]!) > 6) flat = false;
    }
    if (flat) empty++;
  }
  return empty;
}
