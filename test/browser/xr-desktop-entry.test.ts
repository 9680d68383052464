// A desktop browser that offers immersive-vr without reading as a headset (Vision Pro's Safari, PC VR; here
// Chromium's desktop user agent with IWER's emulated Quest): the desktop shell shows Enter VR, whose click
// requests the session and switches to the XR shell, which enters VR with the set's video playing; leaving VR
// returns to the desktop tour. Plain Chromium (no immersive-vr) shows no such button.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
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

  it('enters VR from that click: the XR shell takes the session, two views a frame, the video playing', async () => {
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
    await xr.waitForLocation(sampleTour().start, 30_000);
    const t0 = await page.evaluate(() => document.querySelector('video')!.currentTime);
    await page.waitForFunction((t) => !document.querySelector('video')!.paused && document.querySelector('video')!.currentTime > t, t0, { timeout: 15_000 });
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
      await plain.waitForFunction(() => navigator.xr?.isSessionSupported('immersive-vr').then((s) => !s) ?? true, undefined, { timeout: 10_000 });
      await plain.waitForTimeout(500);
      expect(await plain.getByTestId('desktop-enter-vr').count()).toBe(0);
    } finally {
      await plain.close();
    }
  });
});
