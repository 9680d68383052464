// A real QuotaExceededError in Chromium: the browser's MSE video buffer is limited to 1 MB by a command-line
// switch (far below a TV's 60–150 MB, so the 20 MB byte cap cannot prevent it), hls.js reports BUFFER_FULL_ERROR,
// and the TV media settings shrink the buffer targets without an error reaching the family.
// Known weak: at 1 MB — about one 6 s segment of the top rendition — playback does not get going again here; a
// quota that small is below any real set's, and a 2 MB limit raised no quota error at all.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { enterWatch, openTvHome, watchState } from '../tv/watch/watch-page';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium(['--mse-video-buffer-size-limit-mb=1']);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('TV media settings under a tiny MSE quota', { timeout: 120_000 }, () => {
  it('shrinks the buffer targets on real quota errors, with no error shown', async () => {
    const watch = await openTvHome(browser, server.url, '&mode=tv&tv360=flat');
    const warnings: string[] = [];
    watch.page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await enterWatch(watch);
    await expect.poll(() => warnings.some((w) => w.includes('buffer quota exceeded, buffer targets shrunk')), { timeout: 60_000 }).toBe(true);
    // Shrunk (hls.js flushes and refetches into the smaller targets), and no error reaches the family.
    expect(warnings.filter((w) => w.includes('buffer targets shrunk')).length).toBeGreaterThanOrEqual(1);
    expect((await watchState(watch.page)).media).not.toBe('error');
    expect(await watch.page.getByRole('alert').count()).toBe(0);
    expect(watch.errors).toEqual([]);
    await watch.context.close();
  });
});
