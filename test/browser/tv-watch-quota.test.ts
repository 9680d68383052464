// A real QuotaExceededError in Chromium: the browser's MSE video buffer is limited to 1 MB by a command-line
// switch (far below a TV's 60–150 MB, so the 20 MB byte cap cannot prevent it), hls.js reports BUFFER_FULL_ERROR,
// and the TV media settings shrink the buffer targets without an error reaching the family.
// The stream is the sample's top rendition alone (the test rewrites the master playlist): its 10 s weigh about
// 1.2 MB, over the quota. With the whole ladder, a loaded machine's bandwidth estimate keeps hls.js on the lower
// renditions, whose 10 s fit in 1 MB, and no quota error ever comes.
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
    const requested: string[] = [];
    watch.page.on('request', (request) => requested.push(request.url()));
    watch.page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await watch.context.route('**/master.m3u8', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: onlyTopRendition(await response.text()) });
    });
    await enterWatch(watch);
    expect(requested.some((url) => url.includes('/headset/seg_'))).toBe(true);
    expect(requested.some((url) => /\/(tv|desktop)\/seg_/.test(url))).toBe(false);
    await expect.poll(() => warnings.some((w) => w.includes('buffer quota exceeded, buffer targets shrunk')), { timeout: 60_000 }).toBe(true);
    // Shrunk (hls.js flushes and refetches into the smaller targets), and no error reaches the family.
    expect(warnings.filter((w) => w.includes('buffer targets shrunk')).length).toBeGreaterThanOrEqual(1);
    expect((await watchState(watch.page)).media).not.toBe('error');
    expect(await watch.page.getByRole('alert').count()).toBe(0);
    expect(watch.errors).toEqual([]);
    await watch.context.close();
  });
});

/** A master playlist cut down to its last (highest) variant: the header, that variant's tag and its URI. */
function onlyTopRendition(master: string): string {
  const lines = master.split('\n').filter((line) => line.trim() !== '');
  const lastVariant = lines.map((line) => line.startsWith('#EXT-X-STREAM-INF')).lastIndexOf(true);
  if (lastVariant < 0) throw new Error(`no variant in the master playlist:\n${master}`);
  const header = lines.slice(0, lines.findIndex((line) => line.startsWith('#EXT-X-STREAM-INF')));
  return [...header, lines[lastVariant], lines[lastVariant + 1], ''].join('\n');
}
