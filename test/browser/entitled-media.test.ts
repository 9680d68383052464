// The demo's backers-only location in Chromium: without a code the Video village shows a lock naming the tier that
// opens it (and nothing of it is fetched); with the demo supporter code it plays, through hls.js (?hls=js) and
// through the browser's own HLS (the default for recorded footage in Chromium 156), its files carried by the media
// pass cookie. Screenshots of the lock at 1280×720 and 390×844, in English and Chinese.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTour } from '../../src/protocol/tour-schema';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { PROJECT_ID, REPO_ROOT, startTestServer, type TestServer } from '../helpers/test-server';

const parsed = parseTour(JSON.parse(readFileSync(join(REPO_ROOT, 'scenes/lantern-keeper.json'), 'utf8')));
if (parsed.kind !== 'tour') throw new Error('the sample tour is not valid');
const gated = parsed.tour.locations.find((l) => l.tier)!;
const folder = gated.stream.slice(0, gated.stream.lastIndexOf('/') + 1);

let server: TestServer;
let browser: Browser;

interface Hook {
  store: { getState(): { tour: { locationId: string }; media: { status: string; engine: string | null } } };
}

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function open(query: string, viewport: { width: number; height: number }, code?: string): Promise<{ page: Page; errors: string[]; gatedRequests: { url: string; status: number }[] }> {
  const context = await browser.newContext({ viewport });
  if (code) await context.addInitScript((c) => localStorage.setItem('setvisit:backer-token', c), code);
  const page = await context.newPage();
  const errors = recordPageErrors(page);
  const gatedRequests: { url: string; status: number }[] = [];
  page.on('response', (r) => new URL(r.url()).pathname.startsWith(folder) && gatedRequests.push({ url: new URL(r.url()).pathname, status: r.status() }));
  await page.goto(`${server.url}/?project=${PROJECT_ID}&${query}`);
  await page.waitForFunction(() => (window as unknown as { __setvisit: Hook }).__setvisit?.store.getState().media.status === 'playing', undefined, { timeout: 45_000 });
  return { page, errors, gatedRequests };
}

describe('a backers-only location in Chromium', { timeout: 120_000 }, () => {
  for (const [lang, title, badge] of [
    ['en', `${gated.name.en} is for Supporter backers`, 'Supporter backers'],
    ['zh-CN', `${gated.name['zh-CN']}仅限「支持者」档及以上支持者`, '「支持者」档'],
  ] as const) {
    it(`shows a lock naming the tier to a viewer without a code (${lang})`, async () => {
      for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
        const { page, errors, gatedRequests } = await open(`lang=${lang}`, viewport);
        const item = page.locator(`.locations__item[data-locked="${gated.tier}"]`);
        expect(await item.textContent()).toContain(badge);
        await item.hover();
        await item.click();
        const lock = page.getByTestId('locked-location');
        await lock.waitFor({ timeout: 5_000 });
        expect(await lock.getAttribute('data-tier')).toBe(gated.tier);
        expect(await lock.locator('h2').textContent()).toBe(title);
        saveArtifact(`entitled-lock-${lang}-${viewport.width}x${viewport.height}.png`, await page.screenshot());
        // Still where it was, and nothing of the locked location was asked for (no preload on hover either).
        expect(await page.evaluate(() => (window as unknown as { __setvisit: Hook }).__setvisit.store.getState().tour.locationId)).toBe(parsed.tour.start);
        expect(gatedRequests).toEqual([]);
        // Its files answer 401 to this browser all the same.
        expect(await page.evaluate((u) => fetch(u).then((r) => r.status), gated.stream)).toBe(401);
        expect(errors).toEqual([]);
        await page.context().close();
      }
    });
  }

  for (const [query, engine] of [
    ['hls=js', 'hls.js'],
    ['', 'native'],
  ] as const) {
    it(`plays the location for a supporter through ${engine}`, async () => {
      const { page, errors, gatedRequests } = await open(`lang=en&${query}`, { width: 960, height: 540 }, 'demo-supporter');
      const item = page.locator('.locations__item', { hasText: gated.name.en! });
      expect(await item.getAttribute('data-locked')).toBeNull();
      await item.click();
      await page.waitForFunction(
        (id) => {
          const state = (window as unknown as { __setvisit: Hook }).__setvisit.store.getState();
          return state.tour.locationId === id && state.media.status === 'playing';
        },
        gated.id,
        { timeout: 45_000 },
      );
      expect(await page.evaluate(() => (window as unknown as { __setvisit: Hook }).__setvisit.store.getState().media.engine)).toBe(engine);
      expect(await page.getByTestId('locked-location').count()).toBe(0);
      // The page carried the pass by itself: every file of the location came back 200 (or 206 for ranges), none refused.
      expect(gatedRequests.length).toBeGreaterThan(1);
      expect(gatedRequests.filter((r) => r.status >= 400)).toEqual([]);
      // The cookie is scoped to the location's folder and the page's JavaScript cannot read it.
      expect(await page.evaluate(() => document.cookie)).not.toContain('setvisit_media');
      const cookies = await page.context().cookies();
      expect(cookies.filter((c) => c.name === 'setvisit_media').map((c) => c.path)).toContain(folder);
      // The code itself never went into a URL.
      expect(page.url()).not.toContain('demo-supporter');
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('opens the lock with a code typed into it', async () => {
    const { page, errors } = await open('lang=en', { width: 1280, height: 720 });
    await page.locator(`.locations__item[data-locked="${gated.tier}"]`).click();
    const lock = page.getByTestId('locked-location');
    await lock.getByLabel('Backer code').fill('demo-supporter');
    await lock.getByRole('button', { name: 'Open' }).click();
    // The tour loads again with a pass: the location is no longer marked locked, and it plays.
    await page.locator('.locations__item', { hasText: gated.name.en! }).and(page.locator(':not([data-locked])')).waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => (window as unknown as { __setvisit: Hook }).__setvisit.store.getState().media.status === 'playing', undefined, { timeout: 45_000 });
    await page.locator('.locations__item', { hasText: gated.name.en! }).click();
    await page.waitForFunction((id) => (window as unknown as { __setvisit: Hook }).__setvisit.store.getState().tour.locationId === id, gated.id, { timeout: 10_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
