// States that must tell the truth, in real Chromium against the real server: playback the network stopped starts
// again by itself when the connection is back (the browser's online event; no Retry press), and the headset entry
// in a browser that cannot start VR says why (no WebXR, or no headset found) and what to do, in both languages.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';

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

interface MediaProbe {
  status: string;
  error: { kind: string } | null;
  stall: { cause: string } | null;
}
const media = (p: Page) => p.evaluate(() => (window as unknown as { __setvisit: { store: { getState(): { media: MediaProbe } } } }).__setvisit.store.getState().media);

describe('playback stopped by the network', { timeout: 90_000 }, () => {
  it('starts again by itself when the connection is back, after a location switched while offline', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = recordPageErrors(page);
    try {
      await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=en`);
      await expect.poll(async () => (await media(page)).status, { timeout: 45_000 }).toBe('playing');
      await context.setOffline(true);
      await page.locator('.locations__item').nth(1).click();
      // Offline: the view says the stream cannot be reached (a stall while retrying, or the error card).
      await expect
        .poll(async () => {
          const m = await media(page);
          return m.stall?.cause === 'unreachable' || (m.status === 'error' && m.error?.kind === 'network');
        }, { timeout: 30_000 })
        .toBe(true);
      saveArtifact('screens-offline-location.png', await page.screenshot());
      await context.setOffline(false);
      // Back online: playing again within a few seconds, nobody pressed Retry.
      await expect.poll(async () => (await media(page)).status, { timeout: 15_000 }).toBe('playing');
      expect(await page.getByRole('button', { name: 'Retry' }).count()).toBe(0);
      await page.waitForFunction(() => {
        const v = document.querySelector('video');
        return !!v && !v.paused && v.currentTime > 0.3;
      }, undefined, { timeout: 10_000 });
      // What loads after the first frame and was fetched while offline came too (the attention sampler last).
      await page.waitForFunction(() => !!(window as unknown as { __setvisit: { attention?: unknown } }).__setvisit.attention, undefined, { timeout: 15_000 });
      await page.getByTestId('play-pause').waitFor({ state: 'attached', timeout: 15_000 });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the headset entry where VR cannot start', { timeout: 60_000 }, () => {
  const cases = [
    { lang: 'en', webXr: false, text: 'This browser has no WebXR, so it cannot start VR', link: 'Open the 360° view' },
    { lang: 'zh-CN', webXr: false, text: '此浏览器不支持 WebXR，无法进入 VR', link: '打开 360° 视图' },
    { lang: 'en', webXr: true, text: 'This browser can start VR but finds no headset. Connect your headset', link: 'Open the 360° view' },
    { lang: 'zh-CN', webXr: true, text: '此浏览器支持 VR，但没有找到头显。请连接头显', link: '打开 360° 视图' },
  ] as const;
  for (const { lang, webXr, text, link } of cases) {
    it(`${lang}, ${webXr ? 'WebXR without a headset' : 'no WebXR'}: says why and what to do, and offers the 360° view`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const errors = recordPageErrors(page);
      try {
        // A browser without WebXR at all (Firefox, older Safari): the one thing Chromium here cannot be, so its
        // navigator.xr is taken away. With it, Chromium finds no headset, as on any computer without one.
        if (!webXr) await page.addInitScript(() => delete (Navigator.prototype as { xr?: unknown }).xr);
        await page.goto(`${server.url}/?mode=xr&project=${PROJECT_ID}&lang=${lang}`);
        const support = page.getByTestId('xr-support');
        await page.waitForFunction(() => document.querySelector('[data-testid="xr-support"]')?.getAttribute('data-support') === 'unsupported', undefined, { timeout: 20_000 });
        expect(await support.textContent()).toContain(text);
        expect(await page.getByTestId('enter-vr').count()).toBe(0);
        const open = page.getByRole('link', { name: link });
        saveArtifact(`screens-xr-entry-${webXr ? 'no-headset' : 'no-webxr'}-${lang}.png`, await page.screenshot());
        await open.click();
        await page.waitForURL(/mode=desktop/);
        expect(new URL(page.url()).searchParams.get('lang')).toBe(lang);
        await page.locator('.view canvas, .view--notice').first().waitFor({ timeout: 20_000 });
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
