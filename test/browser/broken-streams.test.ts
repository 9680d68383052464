// Streams that break in the ways real CDNs do, in Chromium through hls.js: a rendition that answers 404,
// a truncated segment. Playback must carry on (the dead-manifest case is in media-states.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { PROJECT_ID, REPO_ROOT, startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
let browser: Browser;
const master = readFileSync(join(REPO_ROOT, 'public/media/backlot/master.m3u8'), 'utf8');
/** Variant playlists of the start location, lowest first as listed (hls.js starts at level 0). */
const variants = master.split('\n').filter((line) => line.endsWith('.m3u8'));

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const mediaState = (page: Page) =>
  page.evaluate(() => (window as unknown as { __setvisit: { store: { getState(): { media: { status: string; metrics: { rendition: { height: number } | null } } } } } }).__setvisit.store.getState().media);

async function playsPast(page: Page, seconds: number): Promise<void> {
  await page.waitForFunction((s) => (document.querySelector('video')?.currentTime ?? 0) > s, seconds, { timeout: 45_000 });
}

describe('broken streams in Chromium', { timeout: 90_000 }, () => {
  it('plays on another rendition when one answers 404', async () => {
    expect(variants.length).toBeGreaterThanOrEqual(2);
    const dead = variants[0]!.split('/')[0]!;
    const page = await browser.newPage({ viewport: { width: 800, height: 450 } });
    let refused = 0;
    await page.route(`**/media/backlot/${dead}/**`, (route) => {
      refused++;
      return route.fulfill({ status: 404, body: 'gone' });
    });
    await page.goto(`${server.url}/?project=${PROJECT_ID}`);
    await playsPast(page, 3);
    const media = await mediaState(page);
    expect(refused).toBeGreaterThan(0);
    expect(media.status).not.toBe('error');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  });

  it('recovers from a truncated segment and plays on past it', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 450 } });
    // Cut the second segment of every rendition in half, as a dropped connection would.
    let truncated = 0;
    await page.route(/\/media\/backlot\/[^/]+\/seg_00001\.m4s$/, async (route) => {
      truncated++;
      const response = await route.fetch();
      const body = await response.body();
      await route.fulfill({ response, body: body.subarray(0, Math.floor(body.length / 2)) });
    });
    await page.goto(`${server.url}/?project=${PROJECT_ID}`);
    await playsPast(page, 5);
    expect(truncated).toBeGreaterThan(0);
    expect((await mediaState(page)).status).not.toBe('error');
    await page.close();
  });
});
