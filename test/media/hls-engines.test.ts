// The browser's own HLS against hls.js on the sample tour, in Chromium 156 (which answers canPlayType
// 'application/vnd.apple.mpegurl' === 'maybe'): what native playback does well (first frame with no hls.js
// download, seeking, the loop, the stats), where it gives up for good (a rendition answering 404, a truncated
// segment), and that the session then hands the stream to hls.js, which plays on. Live streams (the meet-up's)
// stay with hls.js: native HLS plays them but gives no seekable range, so no live edge to measure latency from.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PROJECT } from '../../src/server/sample-project';
import { launchChromium, recordPageErrors } from '../helpers/browser';
import { OPERATOR_TOKEN, PROJECT_ID, REPO_ROOT, startTestServer, type TestServer } from '../helpers/test-server';

const scenesDir = mkdtempSync(join(tmpdir(), 'setvisit-engines-'));
let server: TestServer;
let browser: Browser;

async function operator(path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  cpSync(join(REPO_ROOT, 'scenes/lantern-keeper.json'), join(scenesDir, 'lantern-keeper.json'));
  server = await startTestServer({ serveApp: true, scenesDir });
  // A one-location tour on the meet-up's live stream: the same session plays it as the stage does.
  const scheduled = await operator(`/api/projects/${PROJECT_ID}/meetups`, {
    id: 'engines-live',
    title: { en: 'Live' },
    star: { en: 'Star' },
    scheduledStart: new Date(Date.now() + 60_000).toISOString(),
    requiredTier: 'gold',
  });
  expect(scheduled.status).toBe(201);
  const { streamUrl } = (await (await operator('/api/meetups/engines-live/start', {})).json()) as { streamUrl: string };
  const live = { id: 'live-tour', projectId: 'live-tour', title: { en: 'Live' }, start: 'stage' };
  const location = { id: 'stage', name: { en: 'Stage' }, stream: streamUrl, projection: 'equirect360', initialView: { yaw: 0, pitch: 0 } };
  writeFileSync(join(scenesDir, 'live-tour.json'), JSON.stringify({ ...live, locations: [location] }));
  await server.storage.ensureProject({ ...SAMPLE_PROJECT, id: 'live-tour', title: { en: 'Live tour' } });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  rmSync(scenesDir, { recursive: true, force: true });
});

interface Media {
  status: string;
  engine: string | null;
  error: { kind: string } | null;
  metrics: { rendition: { height: number; bitrate: number } | null; timeToFirstFrameMs: number | null };
}
const media = (page: Page): Promise<Media> =>
  page.evaluate(() => (window as unknown as { __setvisit: { store: { getState(): { media: Media } } } }).__setvisit.store.getState().media);
const videoTime = (page: Page) => page.evaluate(() => document.querySelector('video')?.currentTime ?? 0);
const hlsJsDownloaded = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/hls-[\w-]+\.js$/.test(e.name)));

/** The live stream's pass (a cookie for its path), taken on the server's origin before the page opens, as the stage's
 * meet-up client takes it (the host's token stands in for an entitled backer's). */
async function takeLivePass(page: Page): Promise<void> {
  await page.goto(`${server.url}/api/projects/live-tour`);
  const status = await page.evaluate(
    (token) => fetch('/api/meetups/engines-live/stream-pass', { method: 'POST', headers: { authorization: `Bearer ${token}` } }).then((r) => r.status),
    OPERATOR_TOKEN,
  );
  expect(status).toBe(200);
}

async function open(query: string, setup?: (page: Page) => Promise<unknown>, project = PROJECT_ID): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 800, height: 450 } });
  const errors = recordPageErrors(page);
  await setup?.(page);
  await page.goto(`${server.url}/?mode=desktop&project=${project}&lang=en${query}`);
  return { page, errors };
}

async function playsPast(page: Page, seconds: number): Promise<void> {
  await page.waitForFunction((s) => (document.querySelector('video')?.currentTime ?? 0) > s, seconds, { timeout: 45_000 });
}

/** Every request for the lowest rendition (the one both engines start on) answers 404. */
const deadLowestRendition = (page: Page) => page.route('**/media/backlot/tv/**', (route) => route.fulfill({ status: 404, body: 'gone' }));
/** The second segment of every rendition arrives cut in half, as a dropped connection leaves it. */
const truncatedSecondSegment = (page: Page) =>
  page.route(/\/media\/backlot\/[^/]+\/seg_00001\.m4s$/, async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    await route.fulfill({ response, body: body.subarray(0, Math.floor(body.length / 2)) });
  });

describe('native HLS and hls.js in Chromium', { timeout: 120_000 }, () => {
  it('plays the sample tour natively by default, without downloading hls.js, and shows its rendition in the stats', async () => {
    const { page, errors } = await open('&stats=1');
    await playsPast(page, 1);
    expect((await media(page)).engine).toBe('native');
    expect(await hlsJsDownloaded(page)).toBe(false);
    const stats = page.getByTestId('stats');
    await stats.getByText(/^\d+p · \d+ kb\/s$/).waitFor({ timeout: 15_000 });
    expect(await stats.textContent()).toMatch(/native/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('seeks and loops natively: from near the end the footage wraps to the start and plays on', async () => {
    const { page } = await open('&hls=native');
    await playsPast(page, 0.5);
    const duration = await page.evaluate(() => document.querySelector('video')!.duration);
    expect(duration).toBeGreaterThan(2);
    await page.evaluate((d) => (document.querySelector('video')!.currentTime = d - 1), duration);
    await page.waitForFunction((d) => document.querySelector('video')!.currentTime > d - 0.9, duration, { timeout: 30_000 });
    // Past the end: the loop brings it back near zero, and it keeps going from there.
    await page.waitForFunction(() => {
      const v = document.querySelector('video')!;
      return v.currentTime > 0.2 && v.currentTime < 3;
    }, undefined, { timeout: 30_000 });
    expect((await media(page)).status).not.toBe('error');
    await page.close();
  });

  it('native alone gives up for good on a rendition that answers 404 (why the session falls back)', async () => {
    const { page } = await open('&hls=native', deadLowestRendition);
    const card = page.getByRole('alert').filter({ hasText: 'The set’s video stopped' });
    await card.waitFor({ timeout: 30_000 });
    expect(await videoTime(page)).toBe(0);
    expect((await media(page)).engine).toBe('native');
    await page.close();
  });

  it('native alone gives up for good on a truncated segment', async () => {
    const { page } = await open('&hls=native', truncatedSecondSegment);
    await page.getByRole('alert').filter({ hasText: 'The set’s video stopped' }).waitFor({ timeout: 45_000 });
    expect((await media(page)).status).toBe('error');
    await page.close();
  });

  it('hands a stream whose rendition answers 404 to hls.js, which plays on another rendition', async () => {
    const { page, errors } = await open('', deadLowestRendition);
    await playsPast(page, 3);
    const state = await media(page);
    expect(state.engine).toBe('hls.js');
    expect(state.status).not.toBe('error');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hands a stream with a truncated segment to hls.js, which plays on past it', async () => {
    const { page } = await open('', truncatedSecondSegment);
    await playsPast(page, 5);
    const state = await media(page);
    expect(state.engine).toBe('hls.js');
    expect(state.status).not.toBe('error');
    await page.close();
  });

  it('moves to hls.js when the renderer’s texture limit turns out smaller than the top rendition', async () => {
    const { page } = await open('');
    await playsPast(page, 0.5);
    expect((await media(page)).engine).toBe('native');
    // As a phone with a 1536-pixel texture limit would report it once its renderer exists.
    await page.evaluate(() =>
      (window as unknown as { __setvisit: { tour: { player: { setRenditionLimits(l: { maxTextureSize: number }): void } } } }).__setvisit.tour.player.setRenditionLimits({ maxTextureSize: 1536 }),
    );
    await expect.poll(async () => (await media(page)).engine, { timeout: 20_000 }).toBe('hls.js');
    const before = await videoTime(page);
    await page.waitForFunction((t) => (document.querySelector('video')?.currentTime ?? 0) > t + 0.5, before, { timeout: 30_000 });
    const rendition = (await media(page)).metrics.rendition;
    if (rendition) expect(rendition.height).toBeLessThanOrEqual(768);
    await page.close();
  });

  it('plays a live stream through hls.js, whose seekable range carries the live edge', async () => {
    const { page } = await open('', takeLivePass, 'live-tour');
    await playsPast(page, 1);
    expect((await media(page)).engine).toBe('hls.js');
    // The tour's start location began natively before its playlists were read (a tour is VOD nearly always);
    // once they said "live", hls.js took over.
    const nativeRequests = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).initiatorType === 'video').length);
    expect(nativeRequests).toBeGreaterThan(0);
    expect(await hlsJsDownloaded(page)).toBe(true);
    await page.waitForFunction(() => (document.querySelector('video')?.seekable.length ?? 0) > 0, undefined, { timeout: 30_000 });
    await page.close();
  });

  it('native HLS plays the live stream but gives it no seekable range: no live edge for the latency display', async () => {
    const { page } = await open('&hls=native', takeLivePass, 'live-tour');
    await playsPast(page, 1);
    expect((await media(page)).engine).toBe('native');
    const video = await page.evaluate(() => {
      const v = document.querySelector('video')!;
      return { finiteDuration: Number.isFinite(v.duration), seekableRanges: v.seekable.length };
    });
    expect(video).toEqual({ finiteDuration: false, seekableRanges: 0 });
    await page.close();
  });

  it('plays through hls.js with ?hls=js, as before', async () => {
    const { page } = await open('&hls=js&stats=1');
    await playsPast(page, 1);
    expect((await media(page)).engine).toBe('hls.js');
    expect(await hlsJsDownloaded(page)).toBe(true);
    await page.close();
  });
});
