// The one view direction in each shell, in real Chromium against the real server: the desktop look, the TV's pan
// over the WebGL sphere, the TV's flat-pan view and the headset's pose (IWER's emulated Quest 3) all write it, and
// a reader sees where the person looks and which view said so, without knowing the shell.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPageErrors } from '../helpers/browser';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { enterWatch, openTvHome, type WatchPage } from '../tv/watch/watch-page';
import { installIwer, turnHead } from '../xr/iwer-harness';
import { sampleTour, XrPage } from '../xr/xr-page';

const tour = sampleTour();
const start = tour.locations.find((l) => l.id === tour.start)!;

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

interface Direction {
  yaw: number;
  pitch: number;
  fov: number;
  source: string;
}

const direction = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { __setvisit: { view: { current(): Direction } } }).__setvisit.view.current() }));

/** Smallest angle between two yaws, degrees. */
const yawGap = (a: number, b: number) => Math.abs(((a - b + 540) % 360) - 180);

describe('view direction', { timeout: 120_000 }, () => {
  it('desktop: follows the look, from where the location starts to where it is turned', async () => {
    const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
    const errors = recordPageErrors(page);
    try {
      await page.goto(`${server.url}/?mode=desktop&project=${PROJECT_ID}&lang=en`);
      await page.locator('.view canvas').waitFor({ timeout: 45_000 });
      await expect.poll(() => direction(page), { timeout: 15_000 }).toEqual({ yaw: start.initialView.yaw, pitch: start.initialView.pitch, fov: 75, source: 'desktop-look' });
      await page.evaluate(() => (window as unknown as { __setvisit: { tour: { look: { lookAt(y: number, p: number): void } } } }).__setvisit.tour.look.lookAt(-150, 20));
      await expect.poll(() => direction(page), { timeout: 5_000 }).toEqual({ yaw: -150, pitch: 20, fov: 75, source: 'desktop-look' });
      // A drag turns it as the person sees it: dragging left turns the view right.
      const box = (await page.locator('.view canvas').boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      await expect.poll(async () => (await direction(page)).yaw, { timeout: 5_000 }).toBeGreaterThan(-150 + 10);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  for (const [search, view, source, fov] of [
    ['&mode=tv', 'webgl', 'tv-pan', 75],
    ['&mode=tv&tv360=flat', 'flat', 'flat-pan', 60],
  ] as const) {
    it(`TV, ${view} view: starts at the location's view and turns with a held arrow, as '${source}'`, async () => {
      let watch: WatchPage | undefined;
      try {
        watch = await openTvHome(browser, server.url, search);
        await enterWatch(watch);
        const { page, remote } = watch;
        expect(await page.locator('.watch').getAttribute('data-view')).toBe(view);
        const first = await direction(page);
        expect(first).toEqual({ yaw: start.initialView.yaw, pitch: start.initialView.pitch, fov, source });
        await remote.hold('right', 700);
        await expect.poll(async () => yawGap((await direction(page)).yaw, first.yaw), { timeout: 5_000 }).toBeGreaterThan(10);
        const turned = await direction(page);
        expect(turned.source).toBe(source);
        // Turned right, not left (less than half a turn in 0.7 s at most 150°/s).
        expect(((turned.yaw - first.yaw + 360) % 360) < 180).toBe(true);
        expect(watch.errors).toEqual([]);
      } finally {
        await watch?.context.close();
      }
    });
  }

  it("headset: the viewer pose each frame, with the eye's field of view", async () => {
    const page = await browser.newPage({ viewport: { width: 640, height: 360 } });
    const errors = recordPageErrors(page);
    try {
      await installIwer(page, { polyfillLayers: false });
      await page.goto(`${server.url}/?mode=xr&project=${PROJECT_ID}&lang=en`);
      const xr = new XrPage(page, tour);
      // The flat page's preview is no one's view: nothing reported before the session.
      await page.waitForFunction(() => (window as unknown as { __setvisit: { view?: unknown } }).__setvisit.view !== undefined, undefined, { timeout: 30_000 });
      expect((await direction(page)).source).toBe('none');
      await xr.enterVr();
      await turnHead(page, 40, 15);
      await expect.poll(async () => {
        const d = await direction(page);
        return d.source === 'headset' && yawGap(d.yaw, 40) < 0.5 && Math.abs(d.pitch - 15) < 0.5;
      }, { timeout: 10_000 }).toBe(true);
      await turnHead(page, -120, -10);
      await expect.poll(async () => {
        const d = await direction(page);
        return yawGap(d.yaw, -120) < 0.5 && Math.abs(d.pitch + 10) < 0.5;
      }, { timeout: 10_000 }).toBe(true);
      const { fov } = await direction(page);
      // The eye's own field of view, read from its projection: not the flat page's default of 75°.
      expect(fov).toBeGreaterThan(60);
      expect(fov).toBeLessThan(130);
      expect(fov).not.toBe(75);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
