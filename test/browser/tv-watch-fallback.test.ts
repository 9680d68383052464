// The TV's way out of a black sphere, in real Chromium: a pixel check made to fail (the test hook blanks the bytes
// it reads back, after a real render and readback) switches the watch screen to the flat-pan view by itself, says
// so, and the TV remembers it; the next visit opens flat at once, ?tv360=webgl tries the sphere again. A lost
// WebGL context switches too (webOS key codes and user agent there). Remote keys only.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveArtifact } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { backLeaves, enterWatch, focusedId, openTvHome, panChangesTheView, selectHotspotWithDpad, shot, watchState, type WatchPage } from '../tv/watch/watch-page';

const FAIL_PIXEL_CHECK = 'window.__setvisitTestHooks = { pixelCheck: "fail" };';
/** Notes whether the sphere's canvas ever appeared: the switch must come after a real try, not instead of it. */
const WATCH_FOR_SPHERE = `window.__sawSphere = false;
  new MutationObserver(() => { if (document.querySelector('.watch-sphere canvas')) window.__sawSphere = true; })
    .observe(document, { subtree: true, childList: true });`;
const sawSphere = (watch: WatchPage) => watch.page.evaluate(() => (window as unknown as { __sawSphere: boolean }).__sawSphere);
const REMEMBERED = 'setvisit:tv360-view';

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

const view = (watch: WatchPage) => watch.page.locator('.watch').getAttribute('data-view');
const reason = (watch: WatchPage) => watch.page.locator('.watch-screen').getAttribute('data-view-reason');

describe('TV: a failed pixel check switches to the flat-pan view by itself', { timeout: 120_000 }, () => {
  let watch: WatchPage;
  beforeAll(async () => {
    watch = await openTvHome(browser, server.url, '&mode=tv', { initScript: FAIL_PIXEL_CHECK + WATCH_FOR_SPHERE });
  }, 60_000);
  afterAll(() => watch?.context.close());

  it('starts in the sphere, finds it black while the video plays, and switches', async () => {
    const { page } = watch;
    expect(await page.evaluate((key) => localStorage.getItem(key), REMEMBERED)).toBeNull();
    await enterWatch(watch);
    // The sphere came first (the check needs it), then the flat view replaced it without a key press.
    await expect.poll(() => view(watch), { timeout: 20_000 }).toBe('flat');
    expect(await reason(watch)).toBe('black');
    expect(await sawSphere(watch)).toBe(true);
    expect(await page.locator('canvas').count()).toBe(0);
    expect(await page.locator('video.watch-flat__video').count()).toBe(1);
    await page.getByText('switched to the flat view').waitFor();
    // The switch keeps the footage playing: the family pressed nothing.
    const t0 = (await watchState(page)).time;
    await expect.poll(async () => (await watchState(page)).time, { timeout: 10_000 }).toBeGreaterThan(t0 + 0.5);
    expect((await watchState(page)).paused).toBe(false);
    const remembered = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), REMEMBERED))!) as { view: string; reason: string };
    expect(remembered).toMatchObject({ view: 'flat', reason: 'black' });
    // The one focus is still on the view: the switch does not strand the family.
    await expect.poll(() => focusedId(page)).toBe('watch-view');
    saveArtifact('tv-fallback-switched.png', await shot(page));
  });

  it('pans with a held arrow, and the media keys pause and play', () => panChangesTheView(watch, 'tv-fallback'));
  it('focuses a hotspot with the D-pad and goes there with OK', () => selectHotspotWithDpad(watch, 'tv-fallback'));
  it('leaves with Back', () => backLeaves(watch));

  it('opens flat at once on the next visit (remembered), and ?tv360=webgl tries the sphere again', async () => {
    const again = await openTvHome(browser, server.url, '&mode=tv', { context: watch.context, initScript: WATCH_FOR_SPHERE });
    await enterWatch(again);
    expect(await view(again)).toBe('flat');
    expect(await reason(again)).toBe('black');
    expect(await sawSphere(again)).toBe(false);
    // Remembered, not re-detected: no switch notice this time.
    expect(await again.page.getByText('switched to the flat view').count()).toBe(0);
    await again.page.close();

    const retry = await openTvHome(browser, server.url, '&mode=tv&tv360=webgl', { context: watch.context });
    await enterWatch(retry);
    expect(await view(retry)).toBe('webgl');
    expect(await retry.page.evaluate((key) => localStorage.getItem(key), REMEMBERED)).toBeNull();
    expect([...watch.errors, ...again.errors, ...retry.errors]).toEqual([]);
    await retry.page.close();
  });
});

describe('TV (webOS): a lost WebGL context switches to the flat-pan view', { timeout: 120_000 }, () => {
  let watch: WatchPage;
  beforeAll(async () => {
    watch = await openTvHome(browser, server.url, '&mode=tv', { platform: 'webos', lang: 'zh-CN' });
  }, 60_000);
  afterAll(() => watch?.context.close());

  it('switches when the context is lost, remembers it, and speaks Chinese', async () => {
    const { page, remote } = watch;
    await enterWatch(watch);
    expect(await view(watch)).toBe('webgl');
    await page.evaluate(() => {
      const canvas = document.querySelector('.watch-sphere canvas') as HTMLCanvasElement;
      const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
    });
    await expect.poll(() => view(watch), { timeout: 10_000 }).toBe('flat');
    expect(await reason(watch)).toBe('context-lost');
    expect(await page.evaluate((key) => localStorage.getItem(key), REMEMBERED)).toContain('context-lost');
    await page.getByText('已切换到平面视图', { exact: false }).waitFor();
    const t0 = (await watchState(page)).time;
    await expect.poll(async () => (await watchState(page)).time, { timeout: 10_000 }).toBeGreaterThan(t0 + 0.5);
    expect((await watchState(page)).paused).toBe(false);
    await remote.press('ok');
    await page.locator('.watch[data-overlay=true]').waitFor();
    await page.getByText('环顾四周').waitFor();
    await expect.poll(() => focusedId(page)).toBe('watch-play');
    saveArtifact('tv-webos-zh-flat-overlay.png', await shot(page));
    // webOS Back (461) leaves the watch screen.
    await backLeaves(watch);
    expect(watch.errors).toEqual([]);
  });
});
