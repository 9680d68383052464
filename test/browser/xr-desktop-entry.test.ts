// A desktop browser that offers immersive-vr without reading as a headset (Vision Pro's Safari, PC VR; here
// Chromium's desktop user agent with IWER's emulated Quest): the desktop shell shows Enter VR, whose click
// requests the session, starts the video element the headset view plays (with sound, inside the gesture) and
// switches to the XR shell, which enters VR at the location the desktop showed with that video playing unmuted;
// leaving VR returns to the desktop tour. The page runs under the per-element autoplay rule of Safari and headset
// browsers (sound only for an element played during a gesture; see gesture-autoplay.ts), so a video started
// after the click would come out muted. Plain Chromium (no immersive-vr) shows no such button.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { requireGestureForSound } from '../xr/gesture-autoplay';
import { installIwer } from '../xr/iwer-harness';
import { sampleTour, XrPage } from '../xr/xr-page';

let server: TestServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let xr: XrPage;

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 640, height: 360 } });
  pageErrors = recordPageErrors(page);
  await installIwer(page, { polyfillLayers: false, desktopUserAgent: true });
  // Sound only for an element whose play() came during a user gesture (as in Safari), not for any later one.
  await requireGestureForSound(page);
  // No ?mode: the shell is chosen by the device, and this user agent is a desktop's.
  await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=zh-CN`);
  xr = new XrPage(page, sampleTour());
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const presenting = () => page.evaluate(() => (window as unknown as { __setvisit: { xr?: { presenting: boolean } } }).__setvisit.xr?.presenting ?? false);

describe('Enter VR from the desktop shell', { timeout: 120_000 }, () => {
  it('opens the desktop shell, with Enter VR once immersive-vr is found', async () => {
    await page.locator('.desktop').waitFor({ timeout: 30_000 });
    const button = page.getByTestId('desktop-enter-vr');
    await button.waitFor({ timeout: 30_000 });
    expect(await button.textContent()).toBe('进入 VR');
    expect(await presenting()).toBe(false);
  });

  it('runs with sound held back from any element not played in a gesture', async () => {
    const outcome = await page.evaluate(() => {
      const video = document.createElement('video');
      video.muted = false;
      return video.play().then(
        () => 'played',
        (err: unknown) => (err instanceof DOMException ? err.name : String(err)),
      );
    });
    expect(outcome).toBe('NotAllowedError');
  });

  it('enters VR from that click at the location the desktop showed: the XR shell takes the session, two views a frame, the video started in the click playing with sound', async () => {
    // Away from the start first: VR must open where the person was.
    const elsewhere = sampleTour().locations.find((l) => l.id !== sampleTour().start)!.id;
    await page.evaluate((id) => (window as unknown as { __setvisit: { tour: { player: { goTo(id: string): void } } } }).__setvisit.tour.player.goTo(id), elsewhere);
    await xr.waitForLocation(elsewhere, 30_000);
    await page.getByTestId('desktop-enter-vr').click();
    await page.waitForFunction(() => (window as unknown as { __setvisit: { xr?: { presenting: boolean } } }).__setvisit.xr?.presenting === true, undefined, { timeout: 60_000 });
    await xr.frames(5);
    const state = await xr.xr();
    expect(state).toMatchObject({ presenting: true, views: 2, path: 'sphere' });
    const session = () =>
      page.evaluate(() => {
        const s = (window as unknown as { __setvisit: { xr: { session(): XRSession } } }).__setvisit.xr.session();
        return { frameRate: s.frameRate, features: [...(s.enabledFeatures ?? [])] };
      });
    // The same session settings as the XR shell's own Enter VR: seated 'local' space, 90 Hz on a Quest 3.
    expect((await session()).features).toContain('local');
    expect((await session()).features).not.toContain('local-floor');
    await expect.poll(async () => (await session()).frameRate, { timeout: 10_000 }).toBe(90);
    await xr.waitForLocation(elsewhere, 30_000);
    // One video plays in the session: the element the click started (play() called while the click's user
    // activation was live), unmuted, its time moving on.
    const playing = () =>
      page.evaluate(() => [...document.querySelectorAll('video')].filter((v) => !v.paused).map((v) => ({ time: v.currentTime, muted: v.muted, startedInGesture: v.dataset.startedInGesture ?? null })));
    await expect.poll(async () => (await playing()).length, { timeout: 15_000 }).toBe(1);
    const [first] = await playing();
    expect(first).toMatchObject({ muted: false, startedInGesture: 'true' });
    await expect.poll(async () => (await playing())[0]?.time ?? 0, { timeout: 15_000 }).toBeGreaterThan(first!.time);
    expect((await playing())[0]).toMatchObject({ muted: false, startedInGesture: 'true' });
    expect(await presenting()).toBe(true);
    saveArtifact('xr-desktop-entry.png', await page.locator('canvas').screenshot());
  });

  it('returns to the desktop tour when VR ends, with no page errors', async () => {
    await page.evaluate(() => (window as unknown as { __setvisit: { xr: { session(): XRSession } } }).__setvisit.xr.session().end());
    await page.locator('.desktop').waitFor({ timeout: 30_000 });
    await page.getByTestId('desktop-enter-vr').waitFor({ timeout: 30_000 });
    expect(pageErrors).toEqual([]);
  });

  it('shows no Enter VR in a desktop browser without immersive-vr', async () => {
    const plain = await browser.newPage({ viewport: { width: 640, height: 360 } });
    try {
      await plain.goto(`${server.url}/?project=${PROJECT_ID}&lang=en`);
      await plain.locator('.sections').waitFor({ timeout: 30_000 });
      // The answer comes from isSessionSupported; give it time to come, then check it said no.
      await plain.waitForFunction(() => navigator.xr?.isSessionSupported('immersive-vr').then((s) => !s) ?? true, undefined, { timeout: 30_000 });
      await plain.waitForTimeout(500);
      expect(await plain.getByTestId('desktop-enter-vr').count()).toBe(0);
    } finally {
      await plain.close();
    }
  });
});
