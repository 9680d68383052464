// "Watch the set" on a TV in real Chromium against the real server, driven by remote keys only (Tizen key codes and
// user agent): the WebGL sphere passes its pixel check, held arrows pan it, a hotspot is focused and selected with
// the D-pad, media keys pause and play, Back leaves. The flat-pan view forced with ?tv360=flat does the same.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, meanDifference, pixelStats, recordPageErrors, saveArtifact } from '../helpers/browser';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { TIZEN_UA, TvRemote } from '../tv/watch/tv-remote';

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

interface WatchPage {
  context: BrowserContext;
  page: Page;
  remote: TvRemote;
  errors: string[];
}

async function openTvHome(search = ''): Promise<WatchPage> {
  const context = await browser.newContext({ userAgent: TIZEN_UA, viewport: { width: 960, height: 540 } });
  const page = await context.newPage();
  const errors = recordPageErrors(page);
  await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=en${search}`);
  await page.locator('[data-testid=tv-shell][data-screen=home]').waitFor({ timeout: 20_000 });
  return { context, page, remote: await TvRemote.for(page), errors };
}

const state = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { __setvisit: { store: { getState(): { media: { status: string }; tour: { locationId: string | null } } } } }).__setvisit.store.getState();
    const video = document.querySelector<HTMLVideoElement>('.watch video');
    return { media: s.media.status, location: s.tour.locationId, paused: video?.paused ?? null, time: video?.currentTime ?? 0 };
  });
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-focus-id') ?? null);

/** From home, OK on the focused "Watch the set", then waits until the set's video plays. */
async function enterWatch({ page, remote }: WatchPage): Promise<void> {
  await expect.poll(() => focusedId(page), { timeout: 5_000 }).toBe('home-watch');
  await remote.press('ok');
  await page.locator('.watch[data-view]').waitFor({ timeout: 20_000 });
  await expect.poll(async () => (await state(page)).media, { timeout: 30_000 }).toBe('playing');
  const t0 = (await state(page)).time;
  await expect.poll(async () => (await state(page)).time, { timeout: 15_000 }).toBeGreaterThan(t0 + 0.5);
}

/** Screenshot of the view only (hint and controls excluded by hiding nothing: the view fills the page). */
const shot = (page: Page) => page.screenshot();

async function panChangesTheView(watch: WatchPage, name: string): Promise<void> {
  const { page, remote } = watch;
  // Freeze the footage (Pause key) so only the view can change the picture.
  await remote.press('pause');
  await expect.poll(async () => (await state(page)).paused).toBe(true);
  await page.waitForTimeout(300);
  const before = await shot(page);
  saveArtifact(`${name}-before-pan.png`, before);
  const stats = pixelStats(before);
  expect(stats.litShare).toBeGreaterThan(0.8);
  expect(stats.colours).toBeGreaterThan(50);
  await remote.hold('right', 700);
  await page.waitForTimeout(300);
  const after = await shot(page);
  saveArtifact(`${name}-after-pan.png`, after);
  expect(meanDifference(before, after)).toBeGreaterThan(5);
  // And back: holding left as long returns close to where it was (the same acceleration both ways).
  await remote.hold('left', 700);
  await page.waitForTimeout(300);
  const back = await shot(page);
  expect(meanDifference(before, back)).toBeLessThan(meanDifference(before, after));
  // Play resumes; Play/Pause toggles.
  await remote.press('play');
  await expect.poll(async () => (await state(page)).paused).toBe(false);
  await remote.press('playPause');
  await expect.poll(async () => (await state(page)).paused).toBe(true);
  await remote.press('playPause');
  await expect.poll(async () => (await state(page)).paused).toBe(false);
}

async function selectHotspotWithDpad(watch: WatchPage, name: string): Promise<void> {
  const { page, remote } = watch;
  expect((await state(page)).location).toBe('backlot');
  await remote.press('ok');
  await page.locator('.watch[data-overlay=true]').waitFor();
  await expect.poll(() => focusedId(page)).toBe('watch-play');
  saveArtifact(`${name}-overlay.png`, await shot(page));
  // Up from the controls reaches the hotspot over the set (Stage A, 30° up, straight ahead).
  for (let i = 0; i < 4 && !(await focusedId(page))?.startsWith('watch-hotspot-'); i++) await remote.press('up');
  expect(await focusedId(page)).toMatch(/^watch-hotspot-backlot-/);
  const target = await page.evaluate(() => document.activeElement?.getAttribute('data-target'));
  expect(target).toBe('stage-a');
  saveArtifact(`${name}-hotspot-focused.png`, await shot(page));
  await remote.press('ok');
  await expect.poll(async () => (await state(page)).location, { timeout: 10_000 }).toBe('stage-a');
  await page.locator('.watch[data-location=stage-a]').waitFor();
  await expect.poll(async () => (await state(page)).media, { timeout: 30_000 }).toBe('playing');
  // Back to panning, with the one focus on the view.
  await expect.poll(() => focusedId(page)).toBe('watch-view');
  await page.waitForTimeout(500);
  saveArtifact(`${name}-stage-a.png`, await shot(page));
}

async function backLeaves(watch: WatchPage): Promise<void> {
  const { page, remote } = watch;
  await remote.press('back');
  await page.locator('[data-testid=tv-shell][data-screen=home]').waitFor({ timeout: 5_000 });
  expect(await page.locator('.watch').count()).toBe(0);
  // Focus returns to where the family was: the "Watch the set" button.
  await expect.poll(() => focusedId(page)).toBe('home-watch');
}

describe('TV: watch the set in the WebGL sphere', { timeout: 120_000 }, () => {
  let watch: WatchPage;
  beforeAll(async () => {
    watch = await openTvHome('&mode=tv');
  }, 90_000);
  afterAll(() => watch?.context.close());

  it('opens the sphere from home with OK, and the pixel check finds the video really shows', async () => {
    await enterWatch(watch);
    const { page } = watch;
    expect(await page.locator('.watch').getAttribute('data-view')).toBe('webgl');
    expect(await page.locator('.watch-sphere canvas').count()).toBe(1);
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
    watch = await openTvHome('&mode=tv&tv360=flat');
  }, 90_000);
  afterAll(() => watch?.context.close());

  it('opens from home with OK and shows the video element itself, no canvas', async () => {
    await enterWatch(watch);
    const { page } = watch;
    expect(await page.locator('.watch').getAttribute('data-view')).toBe('flat');
    expect(await page.locator('canvas').count()).toBe(0);
    const box = await page.locator('video.watch-flat__video').boundingBox();
    // 360° at 60° of view over 540 px: the frame is 3240 px wide (6 screens' heights), far wider than the screen.
    expect(box!.width).toBeGreaterThan(3000);
  });

  it('pans with a held arrow, and the media keys pause and play', () => panChangesTheView(watch, 'tv-flat'));
  it('focuses a hotspot with the D-pad and goes there with OK', () => selectHotspotWithDpad(watch, 'tv-flat'));
  it('leaves with Back', async () => {
    await backLeaves(watch);
    expect(watch.errors).toEqual([]);
  });
});
