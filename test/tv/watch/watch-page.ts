// The "Watch the set" journey steps shared by the TV browser tests: open home with a TV's user agent, enter the
// watch screen with OK, pan with held arrows, pick a hotspot with the D-pad, media keys, Back. Remote keys only.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { meanDifference, pixelStats, recordPageErrors, saveArtifact } from '../../helpers/browser';
import { PROJECT_ID } from '../../helpers/test-server';
import { TIZEN_UA, TvRemote, WEBOS_UA } from './tv-remote';

export interface OpenOptions {
  platform?: 'tizen' | 'webos';
  lang?: 'en' | 'zh-CN';
  /** Runs before the app's first script (e.g. the pixel-check test hook). */
  initScript?: string;
  /** Reuse a context (its localStorage: what a TV remembers between visits). */
  context?: BrowserContext;
  /** A high-density screen, to see that the 3D view caps its pixel ratio. */
  deviceScaleFactor?: number;
}

export interface WatchPage {
  context: BrowserContext;
  page: Page;
  remote: TvRemote;
  errors: string[];
}

/** Opens the app as a TV (user agent of the platform) and waits for the TV shell's home screen. */
export async function openTvHome(browser: Browser, baseUrl: string, search = '', options: OpenOptions = {}): Promise<WatchPage> {
  const platform = options.platform ?? 'tizen';
  const context = options.context ?? (await browser.newContext({ userAgent: platform === 'tizen' ? TIZEN_UA : WEBOS_UA, viewport: { width: 960, height: 540 }, deviceScaleFactor: options.deviceScaleFactor ?? 1 }));
  const page = await context.newPage();
  if (options.initScript) await page.addInitScript(options.initScript);
  const errors = recordPageErrors(page);
  await page.goto(`${baseUrl}/?project=${PROJECT_ID}&lang=${options.lang ?? 'en'}${search}`);
  await page.locator('[data-testid=tv-shell][data-screen=home]').waitFor({ timeout: 20_000 });
  return { context, page, remote: await TvRemote.for(page, platform), errors };
}

export const watchState = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { __setvisit: { store: { getState(): { media: { status: string }; tour: { locationId: string | null } } } } }).__setvisit.store.getState();
    const video = document.querySelector<HTMLVideoElement>('.watch video');
    return { media: s.media.status, location: s.tour.locationId, paused: video?.paused ?? null, time: video?.currentTime ?? 0 };
  });
export const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-focus-id') ?? null);

/** From home, OK on the focused "Watch the set", then waits until the set's video plays. */
export async function enterWatch({ page, remote }: WatchPage): Promise<void> {
  await expect.poll(() => focusedId(page), { timeout: 5_000 }).toBe('home-watch');
  await remote.press('ok');
  await page.locator('.watch[data-view]').waitFor({ timeout: 20_000 });
  await expect.poll(async () => (await watchState(page)).media, { timeout: 30_000 }).toBe('playing');
  const t0 = (await watchState(page)).time;
  await expect.poll(async () => (await watchState(page)).time, { timeout: 15_000 }).toBeGreaterThan(t0 + 0.5);
}

/** Screenshot of the view only (hint and controls excluded by hiding nothing: the view fills the page). */
/** CSS-pixel screenshots: the same size on a 2× screen, and cheap to encode on a loaded machine. */
export const shot = (page: Page) => page.screenshot({ scale: 'css' });

export async function panChangesTheView(watch: WatchPage, name: string): Promise<void> {
  const { page, remote } = watch;
  // Freeze the footage (Pause key) so only the view can change the picture.
  await remote.press('pause');
  await expect.poll(async () => (await watchState(page)).paused).toBe(true);
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
  // And the other way. (Not "back to the same picture": on a loaded machine frames come late, and a long frame's
  // step is capped, so equal hold times need not give equal angles.)
  await remote.hold('left', 700);
  await page.waitForTimeout(300);
  expect(meanDifference(after, await shot(page))).toBeGreaterThan(5);
  // Play resumes; Play/Pause toggles.
  await remote.press('play');
  await expect.poll(async () => (await watchState(page)).paused).toBe(false);
  await remote.press('playPause');
  await expect.poll(async () => (await watchState(page)).paused).toBe(true);
  await remote.press('playPause');
  await expect.poll(async () => (await watchState(page)).paused).toBe(false);
}

/** The view's yaw, as the view direction says it (0: the hotspot over Stage A). */
const viewYaw = (page: Page) => page.evaluate(() => (window as unknown as { __setvisit: { view: { current(): { yaw: number } } } }).__setvisit.view.current().yaw);

/**
 * Turns the view back to within 15° of straight ahead with held arrows. A pan before (panChangesTheView) need not
 * end where it began: on a loaded machine equal holds are not equal angles, and a view left 50° off has Stage A's
 * hotspot off screen, so Up from the controls finds nothing over the scrub bar.
 */
async function faceStageA({ page, remote }: WatchPage): Promise<void> {
  let towards: 'left' | 'right' = (await viewYaw(page)) > 0 ? 'left' : 'right';
  for (let i = 0; i < 12; i++) {
    const before = await viewYaw(page);
    if (Math.abs(before) <= 15) return;
    await remote.hold(towards, Math.min(500, Math.abs(before) * 5));
    await page.waitForTimeout(150);
    // The other key if this one turned the wrong way (which arrow raises the yaw is the view's business).
    if (Math.abs(await viewYaw(page)) > Math.abs(before)) towards = towards === 'left' ? 'right' : 'left';
  }
  expect(Math.abs(await viewYaw(page))).toBeLessThanOrEqual(15);
}

export async function selectHotspotWithDpad(watch: WatchPage, name: string): Promise<void> {
  const { page, remote } = watch;
  expect((await watchState(page)).location).toBe('backlot');
  await faceStageA(watch);
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
  await expect.poll(async () => (await watchState(page)).location, { timeout: 10_000 }).toBe('stage-a');
  await page.locator('.watch[data-location=stage-a]').waitFor();
  await expect.poll(async () => (await watchState(page)).media, { timeout: 30_000 }).toBe('playing');
  // Back to panning, with the one focus on the view.
  await expect.poll(() => focusedId(page)).toBe('watch-view');
  await page.waitForTimeout(500);
  saveArtifact(`${name}-stage-a.png`, await shot(page));
}

/**
 * Holding an arrow moves the view on (nearly) every animation frame, not only on the remote's key repeats (every
 * 250 ms here, as slower remotes send them): the flat view's transform is sampled on each frame while the key is
 * held. A pan driven by repeat events would change on a minority of frames, whatever the frame rate.
 */
export async function panMovesEveryFrame({ page, remote }: WatchPage): Promise<void> {
  await page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('video.watch-flat__video')!;
    const samples: string[] = [];
    (window as unknown as { __panSamples: string[] }).__panSamples = samples;
    const sample = () => {
      samples.push(video.style.transform);
      if (samples.length < 400) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  await remote.hold('left', 1_500, 250);
  const samples = await page.evaluate(() => (window as unknown as { __panSamples: string[] }).__panSamples.splice(0));
  // The frames from the first change to the last are the held span; in it, the transform changes on most frames.
  const first = samples.findIndex((t, i) => i > 0 && t !== samples[i - 1]);
  let last = samples.length - 1;
  while (last > 0 && samples[last] === samples[last - 1]) last--;
  const span = samples.slice(Math.max(0, first - 1), last + 1);
  const changes = span.filter((t, i) => i > 0 && t !== span[i - 1]).length;
  expect(span.length).toBeGreaterThan(5);
  expect(changes / (span.length - 1)).toBeGreaterThan(0.8);
}

export async function backLeaves(watch: WatchPage): Promise<void> {
  const { page, remote } = watch;
  // With the overlay open, Back closes the overlay first (what every TV player does), and the family keeps watching.
  // A caller may come with the overlay open already; otherwise OK opens it from panning.
  if ((await page.locator('.watch[data-overlay=true]').count()) === 0) {
    await expect.poll(() => focusedId(page)).toBe('watch-view');
    await remote.press('ok');
    await page.locator('.watch[data-overlay=true]').waitFor({ timeout: 5_000 });
  }
  await remote.press('back');
  await page.locator('.watch[data-overlay=false]').waitFor({ timeout: 5_000 });
  expect(await page.locator('[data-testid=tv-shell]').getAttribute('data-screen')).toBe('watch');
  await expect.poll(() => focusedId(page)).toBe('watch-view');
  // Then, panning, Back leaves.
  await remote.press('back');
  await page.locator('[data-testid=tv-shell][data-screen=home]').waitFor({ timeout: 5_000 });
  expect(await page.locator('.watch').count()).toBe(0);
  // Focus returns to where the family was: the "Watch the set" button.
  await expect.poll(() => focusedId(page)).toBe('home-watch');
}

