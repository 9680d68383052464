// The desktop 360 view on plain three.js draws on demand, counted at WebGL itself: while the video plays, a draw
// per decoded frame; paused and untouched, no draw at all however many display frames pass; a look change, one
// frame's draw; and every draw is the one sphere (one draw call), not a render loop at display rate. Without
// WebGL the view says so instead of staying black.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, pixelStats, recordPageErrors } from '../helpers/browser';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];

/**
 * Counts draw calls on every WebGL context, and the contexts made, before the app's scripts run; notes in order
 * the first ask for anisotropic filtering (and whether the renderer's canvas was in the page) and the first upload of a
 * video frame.
 */
function countDraws(): void {
  const counted = window as unknown as { __draws: number; __contexts: number; __firsts: string[] };
  counted.__draws = 0;
  counted.__contexts = 0;
  counted.__firsts = [];
  const first = (what: string) => counted.__firsts.includes(what) || counted.__firsts.push(what);
  const prototype = HTMLCanvasElement.prototype as unknown as { getContext: (this: HTMLCanvasElement, ...args: unknown[]) => unknown };
  const getContext = prototype.getContext;
  prototype.getContext = function (this: HTMLCanvasElement, ...args: unknown[]) {
    const context = getContext.apply(this, args);
    if (/^webgl/.test(String(args[0])) && context) counted.__contexts++;
    return context;
  };
  for (const context of [WebGLRenderingContext, WebGL2RenderingContext]) {
    const prototype = context.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of ['drawElements', 'drawArrays']) {
      const original = prototype[name]!;
      prototype[name] = function (this: unknown, ...args: unknown[]) {
        counted.__draws++;
        return original.apply(this, args);
      };
    }
    const getExtension = prototype.getExtension!;
    prototype.getExtension = function (this: unknown, ...args: unknown[]) {
      // The warmed renderer's canvas is not in the page yet; the view's is.
      const { canvas } = this as WebGLRenderingContext;
      const where = canvas instanceof HTMLCanvasElement && canvas.isConnected ? 'in the page' : 'ahead';
      if (args[0] === 'EXT_texture_filter_anisotropic') first(`anisotropy asked ${where}`);
      return getExtension.apply(this, args);
    };
    for (const name of ['texImage2D', 'texSubImage2D', 'texStorage2D']) {
      const original = prototype[name]!;
      prototype[name] = function (this: unknown, ...args: unknown[]) {
        if (args.some((arg) => arg instanceof HTMLVideoElement)) first('video frame uploaded');
        return original.apply(this, args);
      };
    }
  }
}

/** Lets `count` display frames pass on `target` (a condition on frames, not a time). */
const displayFramesOn = (target: Page, count: number) =>
  target.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n;
        const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step));
        requestAnimationFrame(step);
      }),
    count,
  );
const displayFrames = (count: number) => displayFramesOn(page, count);
const draws = () => page.evaluate(() => (window as unknown as { __draws: number }).__draws);
const videoTime = () => page.evaluate(() => document.querySelector('video')?.currentTime ?? 0);

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 960, height: 540 } });
  pageErrors = recordPageErrors(page);
  await page.addInitScript(countDraws);
  await page.goto(`${server.url}/?mode=desktop&project=${PROJECT_ID}&lang=en`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('desktop 360 view: draws on demand', { timeout: 90_000 }, () => {
  it('draws while the video plays', async () => {
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.5, undefined, { timeout: 45_000 });
    const before = await draws();
    const t0 = await videoTime();
    await page.waitForFunction((t) => document.querySelector('video')!.currentTime > t + 1, t0, { timeout: 30_000 });
    expect(await draws()).toBeGreaterThan(before);
    expect(await page.locator('.view canvas').count()).toBe(1);
    // The renderer the entry made ahead (src/app/early-start.ts) is the one the view draws with: one context.
    expect(await page.evaluate(() => (window as unknown as { __contexts: number }).__contexts)).toBe(1);
    // …and it has asked its extensions before the first frame came (at 4× CPU the ask costs up to 0.07 s).
    expect(await page.evaluate(() => (window as unknown as { __firsts: string[] }).__firsts)).toEqual(['anisotropy asked ahead', 'video frame uploaded']);
  });

  it('draws nothing while the video is paused and the view stands still', async () => {
    await page.evaluate(() => document.querySelector('video')!.pause());
    // The last frames the pause may still schedule.
    await displayFrames(5);
    const still = await draws();
    await displayFrames(60);
    expect(await draws()).toBe(still);
  });

  it('draws once for a look change, then stops again', async () => {
    const still = await draws();
    await page.evaluate(() => (window as unknown as { __setvisit: { tour: { look: { lookAt(y: number, p: number): void } } } }).__setvisit.tour.look.lookAt(40, 5));
    await displayFrames(30);
    // One frame of one sphere: one draw call (a 180° or stereo location adds none on a flat screen).
    expect(await draws()).toBe(still + 1);
    expect(pageErrors).toEqual([]);
  });
});

describe('desktop 360 view over a video paused before it', { timeout: 90_000 }, () => {
  it('shows the frame the paused video holds, not a black sphere', async () => {
    // The entry starts the stream while the renderer's chunk downloads: a person can pause (or the browser can)
    // before the view exists, and a paused video presents no new frame to upload. Hold the renderer's chunk until
    // the video has shown its first frame and been paused, so the view is always built over a paused video.
    const viewer = await browser.newPage({ viewport: { width: 960, height: 540 } });
    const errors = recordPageErrors(viewer);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await viewer.route('**/assets/panorama-renderer-*.js', async (route) => {
      await released;
      await route.continue();
    });
    await viewer.addInitScript(() => {
      const media = HTMLMediaElement.prototype as unknown as { play: (this: HTMLVideoElement) => Promise<void> };
      const play = media.play;
      media.play = function (this: HTMLVideoElement) {
        const started = play.call(this);
        this.requestVideoFrameCallback(() => {
          const w = window as unknown as { __pausedBeforeView?: boolean };
          if (w.__pausedBeforeView) return;
          w.__pausedBeforeView = true;
          this.pause();
        });
        return started;
      };
    });
    try {
      await viewer.goto(`${server.url}/?mode=desktop&project=${PROJECT_ID}&lang=en`);
      await viewer.waitForFunction(() => (window as unknown as { __pausedBeforeView?: boolean }).__pausedBeforeView === true, undefined, { timeout: 45_000 });
      expect(await viewer.locator('.view canvas').count()).toBe(0);
      release();
      const canvas = viewer.locator('.view canvas');
      await canvas.waitFor({ timeout: 45_000 });
      await displayFramesOn(viewer, 10);
      expect(await viewer.evaluate(() => document.querySelector('video')!.paused)).toBe(true);
      expect(pixelStats(await canvas.screenshot()).litShare).toBeGreaterThan(0.9);
      expect(errors).toEqual([]);
    } finally {
      release();
      await viewer.close();
    }
  });
});

describe('desktop 360 view without WebGL', { timeout: 90_000 }, () => {
  it('says so over the view, in the UI language, and the rest of the tour still works', async () => {
    const noWebGl = await launchChromium(['--disable-3d-apis']);
    try {
      const zh = await noWebGl.newPage({ viewport: { width: 960, height: 540 } });
      const errors = recordPageErrors(zh);
      await zh.goto(`${server.url}/?mode=desktop&project=${PROJECT_ID}&lang=zh-CN`);
      await zh.getByRole('alert').filter({ hasText: 'WebGL' }).waitFor({ timeout: 45_000 });
      expect(await zh.getByRole('alert').filter({ hasText: 'WebGL' }).textContent()).toContain('此浏览器无法显示 360° 画面');
      expect(await zh.locator('.view canvas').count()).toBe(0);
      // The location list and the project panel are still there.
      expect(await zh.locator('.view__chrome button').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await noWebGl.close();
    }
  });
});
