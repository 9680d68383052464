// A meet-up's live stream (the reference server's live HLS) breaking mid-stream behind the fault-injecting proxy:
// a playlist that stops moving, segments that hang, playlists that answer 503. During each: what the screen says
// and why; after each: playback going on by itself within 2 s, and never a step backwards (live streams play
// through hls.js on every browser, native HLS gives them no live edge: see playback-engine.ts).
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPageErrors } from '../helpers/browser';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { clearAndResume, resumesWithin } from '../helpers/playback-probe';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';

const MEETUP_ID = 'faulty-live';
let server: TestServer;
let proxy: FaultProxy;
let browser: Browser;
let page: Page;
let errors: string[];

async function api(path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  const scheduled = await api(`/api/projects/${PROJECT_ID}/meetups`, {
    id: MEETUP_ID,
    title: { en: 'Live from the set' },
    star: { en: 'Lin Yue' },
    scheduledStart: new Date(Date.now() + 60_000).toISOString(),
    requiredTier: 'gold',
  });
  expect(scheduled.status).toBe(201);
  expect((await api(`/api/meetups/${MEETUP_ID}/start`, {})).status).toBe(200);
  proxy = await startFaultProxy(server.url);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  await context.addInitScript(() => localStorage.setItem('setvisit:backer-token', 'demo-gold'));
  page = await context.newPage();
  errors = recordPageErrors(page);
  // Every step the playhead takes backwards, for the whole run.
  await page.addInitScript(() => {
    const w = window as unknown as { __backwards: number[]; __lastMove: number };
    w.__backwards = [];
    w.__lastMove = Date.now();
    let last = 0;
    document.addEventListener(
      'timeupdate',
      (event) => {
        const video = event.target as HTMLVideoElement;
        if (video.currentTime < last - 0.25) w.__backwards.push(last - video.currentTime);
        if (video.currentTime !== last) w.__lastMove = Date.now();
        last = video.currentTime;
      },
      true,
    );
  });
  await page.goto(`${proxy.url}/?project=${PROJECT_ID}&lang=en&meetup=${MEETUP_ID}`);
  await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 1, undefined, { timeout: 45_000 });
}, 90_000);

// A test that fails leaves no fault behind for the next one (the page is shared: it stays).
afterEach(() => proxy.clear());
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await server?.dispose();
});

const stall = (p: Page) =>
  p.evaluate(() => (window as unknown as { __setvisit: { store: { getState(): { media: { stall: { cause: string } | null } } } } }).__setvisit.store.getState().media.stall);
const backwards = (p: Page) => p.evaluate(() => (window as unknown as { __backwards: number[] }).__backwards);

/**
 * Clears the fault and checks that the picture plays on within 2 s, timed in the page (playback-probe.ts): polling
 * from the test added its own round trips to a busy browser, and when this timed out at 2 s in a loaded CI run it
 * left no figure. Much of it is the wait for the next playlist request, at most half a second by design
 * (media-config.ts); a loaded CI run once took 2.5 s with the retry at a second.
 */
const clearAndResumeLive = (p: Page, fault: string) => clearAndResume(p, proxy, fault, /\/live\//);

/**
 * The stall shows its reason within 2 s of the picture stopping: from the playhead's last move (timeupdate, read in
 * the page) to the moment the stall was noted with its cause (the page's clock too).
 */
async function explainsStall(p: Page, text: string, cause: string): Promise<void> {
  // The cause and its words read together: the playhead crossing the frame-long hole at the loop's wrap is a
  // 'waiting' of a few ms that shows the same words and was over before the stall, read after them, could be.
  const shown = async () => `${(await stall(p))?.cause} ${await p.getByText(text).isVisible()}`;
  await expect.poll(shown, { timeout: 25_000, interval: 100 }).toBe(`${cause} true`);
  const lagMs = await p.evaluate(() => {
    const w = window as unknown as { __lastMove: number; __setvisit: { store: { getState(): { media: { stall: { since: number } | null } } } } };
    const since = w.__setvisit.store.getState().media.stall?.since;
    return since === undefined ? Infinity : since - w.__lastMove;
  });
  expect(lagMs).toBeLessThan(2_000);
}

/** Before a fault: the stream plays cleanly again (no stall left over from the previous fault's catching up). */
async function playingCleanly(p: Page): Promise<void> {
  await expect.poll(() => stall(p), { timeout: 10_000 }).toBeNull();
  await resumesWithin(p, 5_000);
  expect(await stall(p)).toBeNull();
}

describe('a live stream that breaks mid-stream', { timeout: 60_000 }, () => {
  it('a live playlist that stops moving: says the live source paused, never replays backwards, and goes on when it moves', async () => {
    await playingCleanly(page);
    // Every rendition's playlist stops at the same moment (they list the same segment numbers), as when the
    // source stops sending: a rendition asked for the first time later must not bring newer segments.
    proxy.set('frozen', { match: /\/live\/[^/]+\/[a-z0-9-]+\/index\.m3u8/, freeze: true, freezeAs: () => 'live-source' });
    await explainsStall(page, 'The live source has paused. The picture comes back as soon as it resumes.', 'live-paused');
    // Paused is not fixable by fetching again: no Retry.
    expect(await page.locator('.overlay--stalled').getByRole('button', { name: 'Retry' }).count()).toBe(0);
    // Long enough for hls.js to resynchronise to the frozen playlist's "live edge" (it did, backwards).
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    expect(await backwards(page)).toEqual([]);
    expect((await stall(page))?.cause).toBe('live-paused');
    await clearAndResumeLive(page, 'frozen');
    expect(await backwards(page)).toEqual([]);
  });

  it('segments that hang: says the network is slow, with Retry, and plays on when they come', async () => {
    await playingCleanly(page);
    proxy.set('hang', { match: /\/live\/[^/]+\/[a-z0-9-]+\/\d+\.m4s/, hang: true });
    await explainsStall(page, 'The network is slow: waiting for the video…', 'network-slow');
    expect(await page.locator('.overlay--stalled').getByRole('button', { name: 'Retry' }).count()).toBe(1);
    await clearAndResumeLive(page, 'hang');
    expect(await backwards(page)).toEqual([]);
  });

  it('playlists answering 503 mid-stream: says the stream cannot be reached, with Retry, and plays on when they are back', async () => {
    await playingCleanly(page);
    proxy.set('down', { match: /\/live\/[^?]*\.m3u8/, status: 503 });
    await explainsStall(page, 'The stream cannot be reached. Trying again…', 'unreachable');
    expect(await page.locator('.overlay--stalled').getByRole('button', { name: 'Retry' }).count()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await clearAndResumeLive(page, 'down');
    expect(await backwards(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
