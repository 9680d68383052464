// "Watch the set" on a TV (Tizen user agent and key codes) under a storm of remote keys: media keys pressed faster
// than the video can start and stop (each play() cut short by a pause()), mixed with arrows and OK. Nothing may
// reach the page as an unhandled error, and the video still answers the remote afterwards.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';
import type { RemoteButton } from '../tv/watch/tv-remote';
import { enterWatch, openTvHome, watchState, type WatchPage } from '../tv/watch/watch-page';

let server: TestServer;
let browser: Browser;
let watch: WatchPage;

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
  watch = await openTvHome(browser, server.url, '&mode=tv&tv360=flat');
}, 90_000);

afterAll(async () => {
  await watch?.context.close();
  await browser?.close();
  await server?.dispose();
});

/** Media keys back to back (play and pause alternating is what interrupts a pending play()), with the odd
 * arrow and OK a person mashing the remote sends too. */
const STORM: RemoteButton[] = ['play', 'pause', 'playPause', 'playPause', 'play', 'pause', 'left', 'playPause', 'ok', 'pause', 'play', 'playPause', 'right', 'fastForward', 'play', 'pause', 'rewind', 'playPause'];

describe('TV: a storm of remote keys in the watch screen', { timeout: 90_000 }, () => {
  it('raises no page error, and the video plays and pauses on the remote afterwards', async () => {
    await enterWatch(watch);
    const { page, remote, errors } = watch;
    for (let round = 0; round < 8; round++) {
      for (const button of STORM) await remote.press(button);
    }
    // Let every play() the storm started settle (each rejects or resolves within a frame or two).
    await page.waitForTimeout(1_500);
    expect(errors).toEqual([]);

    await remote.press('play');
    await expect.poll(async () => (await watchState(page)).paused, { timeout: 5_000 }).toBe(false);
    const t0 = (await watchState(page)).time;
    await expect.poll(async () => (await watchState(page)).time, { timeout: 10_000 }).toBeGreaterThan(t0 + 0.3);
    await remote.press('pause');
    await expect.poll(async () => (await watchState(page)).paused, { timeout: 5_000 }).toBe(true);
    expect(errors).toEqual([]);
  });
});
