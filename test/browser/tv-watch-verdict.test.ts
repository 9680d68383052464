// A wrong "black video" verdict is never final, in real Chromium with remote keys and ?stats=1: a dark still scene
// (the pixel check reads one unchanging dim picture from the texture and from the video itself) keeps the sphere;
// a black verdict switches to the flat view, whose overlay offers "Try the 3D view" (which checks again and keeps
// the sphere when it really shows); a remembered verdict gives way to a new check a few visits later. The stats
// panel says what the check decided and why at each step.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, saveArtifact } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { backLeaves, enterWatch, focusedId, openTvHome, shot, type WatchPage } from '../tv/watch/watch-page';

const REMEMBERED = 'setvisit:tv360-view';

let server: TestServer;
let browser: Browser;
let watch: WatchPage;

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const stat = (name: string) => watch.page.locator(`[data-testid=tv-stats] [data-stat=${name}]`).textContent();
const view = () => watch.page.locator('.watch').getAttribute('data-view');
const setHooks = (hooks: object) => watch.page.evaluate((h) => ((window as unknown as { __setvisitTestHooks: object }).__setvisitTestHooks = h), hooks);
const remembered = () => watch.page.evaluate((key) => localStorage.getItem(key), REMEMBERED);

describe('TV: the pixel check’s verdict is never final', { timeout: 120_000 }, () => {
  // A fresh TV for each case (its own storage), opened with the check's test hook set as the case needs.
  beforeEach(async () => {
    watch = await openTvHome(browser, server.url, '&mode=tv&stats=1', { initScript: 'window.__setvisitTestHooks = { pixelCheck: "still" };' });
  }, 60_000);
  afterEach(() => watch?.context.close());

  it('keeps the sphere for a dark still scene, and says why in ?stats=1', async () => {
    await enterWatch(watch);
    await expect.poll(() => stat('pixel'), { timeout: 20_000 }).toBe('kept: still-footage');
    // Well past the check's two seconds of play: still the sphere, nothing remembered.
    await watch.page.waitForTimeout(1_500);
    expect(await view()).toBe('webgl');
    expect(await stat('view')).toBe('webgl');
    expect(await remembered()).toBeNull();
    saveArtifact('tv-verdict-still-kept.png', await shot(watch.page));
    await backLeaves(watch);
    expect(watch.errors).toEqual([]);
  });

  it('after a black verdict the flat view offers "Try the 3D view", which checks again and keeps the sphere', async () => {
    const { page, remote } = watch;
    await setHooks({ pixelCheck: 'fail' });
    await enterWatch(watch);
    await expect.poll(view, { timeout: 20_000 }).toBe('flat');
    expect(await stat('pixel')).toBe('failed: black');
    expect(await stat('why')).toBe('black');
    expect(await remembered()).toContain('black');
    await remote.press('ok');
    await page.locator('.watch[data-overlay=true]').waitFor();
    const tryIt = page.getByRole('button', { name: 'Try the 3D view' });
    await tryIt.waitFor();
    // Along the bar's buttons to it: left from Play, right from Back or Look around; where the bar wraps (a small
    // screen, a long language) left stops at the start of the second row, and up reaches the first.
    let stuckOn: string | null = null;
    for (let i = 0; i < 10 && (await focusedId(page)) !== 'watch-try-3d'; i++) {
      const id = await focusedId(page);
      const key: 'up' | 'left' | 'right' = id === stuckOn ? 'up' : id === 'watch-bar-back' || id === 'watch-look' ? 'right' : 'left';
      await remote.press(key);
      stuckOn = key === 'left' && (await focusedId(page)) === id ? id : null;
    }
    expect(await focusedId(page)).toBe('watch-try-3d');
    saveArtifact('tv-verdict-try-3d.png', await shot(page));
    // This time the texture really shows the video (no hook): the new check passes and the sphere stays.
    await setHooks({});
    await remote.press('ok');
    await expect.poll(view, { timeout: 10_000 }).toBe('webgl');
    expect(await stat('why')).toBe('checking again');
    await expect.poll(() => stat('pixel'), { timeout: 20_000 }).toBe('ok');
    expect(await remembered()).toBeNull();
    await expect.poll(() => focusedId(page)).toBe('watch-view');
    await backLeaves(watch);
  });

  it('a remembered verdict opens flat, and a few visits later the sphere is checked again', async () => {
    const { page } = watch;
    await setHooks({});
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ view: 'flat', reason: 'frozen', at: '2026-12-01T00:00:00.000Z', visits: 2 })), REMEMBERED);
    await enterWatch(watch);
    expect(await view()).toBe('flat');
    expect(await stat('why')).toBe('frozen (remembered)');
    expect(await stat('pixel')).toBe('not run');
    expect(JSON.parse((await remembered())!)).toMatchObject({ reason: 'frozen', visits: 3 });
    await backLeaves(watch);
    await enterWatch(watch);
    expect(await view()).toBe('webgl');
    expect(await stat('why')).toBe('checking again');
    await expect.poll(() => stat('pixel'), { timeout: 20_000 }).toBe('ok');
    expect(await remembered()).toBeNull();
    await backLeaves(watch);
    expect(watch.errors).toEqual([]);
  });
});
