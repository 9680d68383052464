// A recorded location's stream breaking the ways origins and CDNs break it, behind a fault-injecting proxy between
// Chromium and the real server, on both engines (hls.js with ?hls=js; the browser's own HLS, which the tour starts
// with in Chromium 156): what the screen says during the fault, and playback going on by itself within 2 s of the
// fault clearing.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeLeftoverPages, launchChromium, recordPageErrors } from '../helpers/browser';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { clearAndResume } from '../helpers/playback-probe';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

let server: TestServer;
let proxy: FaultProxy;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  proxy = await startFaultProxy(server.url);
  browser = await launchChromium();
}, 60_000);
// A test that fails leaves neither its fault nor its page behind for the next one.
afterEach(async () => {
  proxy.clear();
  await closeLeftoverPages(browser);
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await server?.dispose();
});

const mediaStatus = (page: Page) =>
  page.evaluate(() => (window as unknown as { __setvisit: { store: { getState(): { media: { status: string; stall: { cause: string } | null; error: { kind: string } | null } } } } }).__setvisit.store.getState().media);

const mediaEngine = (page: Page) =>
  page.evaluate(() => (window as unknown as { __setvisit: { store: { getState(): { media: { engine: string } } } } }).__setvisit.store.getState().media.engine);

const ENGINES = [
  { name: 'hls.js', query: '&hls=js' },
  // The tour starts the browser's own HLS and hands the stream to hls.js when native playback gives up.
  { name: 'native HLS first', query: '' },
] as const;

describe.each(ENGINES)('a recorded stream that breaks, $name', { timeout: 60_000 }, ({ query }) => {
  it('master playlist answering 503 when the page opens: says the stream cannot be reached, with Retry, and plays once it is back', async () => {
    proxy.set('master-down', { match: /\/media\/backlot\/master\.m3u8/, status: 503 });
    const page = await browser.newPage({ viewport: { width: 800, height: 450 } });
    const errors = recordPageErrors(page);
    await page.goto(`${proxy.url}/?project=${PROJECT_ID}&lang=en${query}`);
    await waitFor(() => proxy.requests(/\/media\/backlot\/master\.m3u8/).length > 0, 10_000, 'the master playlist asked for');
    const reason = page.getByText('The stream cannot be reached. Trying again…');
    await reason.waitFor({ timeout: 2_500 });
    expect(await page.getByRole('button', { name: 'Retry' }).count()).toBe(1);
    expect((await mediaStatus(page)).stall?.cause).toBe('unreachable');
    // Still down a few seconds later: still explained, no dead end, and retries keep going.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await reason.count()).toBe(1);
    const asked = proxy.requests(/\/media\/backlot\/master\.m3u8/).length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(proxy.requests(/\/media\/backlot\/master\.m3u8/).length).toBeGreaterThan(asked);

    await clearAndResume(page, proxy, 'master-down', /\/media\/backlot\//); // throws past 2 s
    await expect.poll(async () => (await mediaStatus(page)).status, { timeout: 1_000 }).toBe('playing');
    expect(await reason.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('every third segment half-written: skips them, never blames the device, and plays on', async () => {
    const third = (path: string) => Number(/seg_(\d+)/.exec(path)?.[1] ?? 1) % 3 === 0;
    const from = proxy.seen();
    proxy.set('half-written', { match: /\/media\/backlot\/[a-z]+\/seg_\d+\.m4s/, when: third, truncate: 0.5 });
    const page = await browser.newPage({ viewport: { width: 800, height: 450 } });
    await page.goto(`${proxy.url}/?project=${PROJECT_ID}&lang=en${query}`);
    // Past the first broken segments (0 and 3): the playhead goes on instead of an error card.
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 7, undefined, { timeout: 30_000 });
    expect(await page.getByText('could not be decoded').count()).toBe(0);
    expect((await mediaStatus(page)).error).toBeNull();
    // The same damaged segment is not asked for over and over (it was about 60 times): each one a few times at
    // most, counting the browser's own HLS handing over to hls.js.
    const asks = new Map<string, number>();
    for (const path of proxy.requests(/seg_0000[03]\.m4s/, from)) asks.set(path, (asks.get(path) ?? 0) + 1);
    expect(asks.size).toBeGreaterThan(0);
    expect(Math.max(...asks.values())).toBeLessThanOrEqual(5);

    await clearAndResume(page, proxy, 'half-written', /\/media\/backlot\//); // throws past 2 s
    expect((await mediaStatus(page)).status).not.toBe('error');
    await page.close();
  });

  it('a rendition answering 404: plays another, and leaves the dead one alone for the session', async () => {
    const from = proxy.seen();
    proxy.set('dead-rendition', { match: /\/media\/backlot\/tv\//, status: 404 });
    const page = await browser.newPage({ viewport: { width: 800, height: 450 } });
    const errors = recordPageErrors(page);
    await page.goto(`${proxy.url}/?project=${PROJECT_ID}&lang=en${query}`);
    // Past the start, when the browser's own HLS has handed over to hls.js (which asks for the dead rendition once
    // itself: it cannot know what native playback met).
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 2, undefined, { timeout: 30_000 });
    await expect.poll(() => mediaEngine(page), { timeout: 5_000 }).toBe('hls.js');
    const asked = proxy.requests(/\/media\/backlot\/tv\//, from).length;
    expect(asked).toBeGreaterThan(0);
    // ABR would climb back down to it when it looked cheaper; it is gone from the ladder instead.
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 6, undefined, { timeout: 20_000 });
    expect(proxy.requests(/\/media\/backlot\/tv\//, from).length).toBe(asked);
    expect((await mediaStatus(page)).status).toBe('playing');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a damaged segment a cache would keep, hls.js', { timeout: 60_000 }, () => {
  it('is fetched past the browser cache next time, so the repaired file plays once the origin has it whole', async () => {
    // A CDN that marks the half-written copy cacheable for a year: only the player can get past it.
    const first = (path: string) => /seg_00000\.m4s/.test(path);
    const year = { 'cache-control': 'public, max-age=31536000, immutable' };
    proxy.set('cached-damage', { match: /\/media\/backlot\/[a-z]+\/seg_\d+\.m4s/, when: first, truncate: 0.5, headers: year });
    proxy.set('cacheable', { match: /\/media\/backlot\/[a-z]+\/seg_\d+\.m4s/, headers: year });
    const page = await browser.newPage({ viewport: { width: 800, height: 450 } });
    await page.goto(`${proxy.url}/?project=${PROJECT_ID}&lang=en&hls=js`);
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 3, undefined, { timeout: 30_000 });
    proxy.clear('cached-damage');
    // The copies the cache now holds: each rendition's first segment fetched so far, cut short.
    const damaged = new Set(proxy.requests(/seg_00000\.m4s/));
    expect(damaged.size).toBeGreaterThan(0);
    const asksForDamaged = () => proxy.requests(/seg_00000\.m4s/).filter((path) => damaged.has(path)).length;
    const before = asksForDamaged();
    // The loop comes round to the first segment again: it is asked of the network, not taken from the cache, and
    // comes whole (a healthy segment, whose copy the cache may keep, is not asked again).
    await waitFor(() => asksForDamaged() > before, 30_000, 'a damaged segment asked for again');
    expect((await mediaStatus(page)).error).toBeNull();
    proxy.clear('cacheable');
    await page.close();
  });
});

describe('a recorded stream that breaks, native HLS only (?hls=native: no hls.js to hand over to)', { timeout: 60_000 }, () => {
  it('master playlist answering 503 when the page opens: a network fault (said in Chinese), not "this browser cannot play", and plays once it is back', async () => {
    proxy.set('master-down', { match: /\/media\/backlot\/master\.m3u8/, status: 503 });
    const page = await browser.newPage({ viewport: { width: 800, height: 450 } });
    const errors = recordPageErrors(page);
    // In Chinese this time: the reason is in the UI language.
    await page.goto(`${proxy.url}/?project=${PROJECT_ID}&lang=zh-CN&hls=native`);
    await waitFor(() => proxy.requests(/\/media\/backlot\/master\.m3u8/).length > 0, 10_000, 'the master playlist asked for');
    const reason = page.getByText('无法连接到视频流，正在重试…');
    await reason.waitFor({ timeout: 2_500 });
    expect(await page.getByRole('button', { name: '重试' }).count()).toBe(1);
    expect(await page.getByText('此浏览器无法播放').count()).toBe(0);
    expect((await mediaStatus(page)).stall?.cause).toBe('unreachable');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await reason.count()).toBe(1);

    await clearAndResume(page, proxy, 'master-down', /\/media\/backlot\//); // throws past 2 s
    await expect.poll(async () => (await mediaStatus(page)).status, { timeout: 1_000 }).toBe('playing');
    expect(await page.evaluate(() => (window as unknown as { __setvisit: { store: { getState(): { media: { engine: string } } } } }).__setvisit.store.getState().media.engine)).toBe('native');
    expect(errors).toEqual([]);
    await page.close();
  });
});
